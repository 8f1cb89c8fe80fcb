import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { ReportQueue } from '@lesplein/contracts/report';
import { api } from '../../lib/api-client';
import { MODERATION_PATH, moderationKeys, type ReportQueueFilters } from './moderation-keys';

export const REPORT_PAGE_SIZE = 20;

/** GET /api/moderation/reports?status&targetType&category&assigned&sort&cursor&limit — the moderators' report queue. */
export function listReports(filters: ReportQueueFilters, cursor: string | null, signal?: AbortSignal): Promise<ReportQueue> {
  const params = new URLSearchParams({ status: filters.status, assigned: filters.assigned, sort: filters.sort, limit: String(REPORT_PAGE_SIZE) });
  if (filters.targetType) params.set('targetType', filters.targetType);
  if (filters.category) params.set('category', filters.category);
  if (cursor) params.set('cursor', cursor);
  return api.get(`${MODERATION_PATH}/reports?${params.toString()}`, ReportQueue, signal);
}

export function reportQueueQuery(filters: ReportQueueFilters) {
  return infiniteQueryOptions({
    queryKey: moderationKeys.reportQueue(filters),
    queryFn: ({ pageParam, signal }) => listReports(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useReportQueue(filters: ReportQueueFilters) {
  return useInfiniteQuery(reportQueueQuery(filters));
}
