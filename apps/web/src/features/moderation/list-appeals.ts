import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { AppealQueue } from '@lesplein/contracts/moderation';
import { api } from '../../lib/api-client';
import { MODERATION_PATH, moderationKeys } from './moderation-keys';

export const APPEAL_PAGE_SIZE = 20;

/** GET /api/moderation/appeals?cursor&limit — open appeals, oldest first, with their decisions. */
export function listAppeals(cursor: string | null, signal?: AbortSignal): Promise<AppealQueue> {
  const params = new URLSearchParams({ limit: String(APPEAL_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`${MODERATION_PATH}/appeals?${params.toString()}`, AppealQueue, signal);
}

export const appealQueueQuery = infiniteQueryOptions({
  queryKey: moderationKeys.appeals,
  queryFn: ({ pageParam, signal }) => listAppeals(pageParam, signal),
  initialPageParam: null as string | null,
  getNextPageParam: (last) => last.nextCursor,
});

export function useAppealQueue() {
  return useInfiniteQuery(appealQueueQuery);
}
