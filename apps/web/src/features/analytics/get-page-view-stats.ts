import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PageViewStats } from '@lesplein/contracts/analytics';
import { api } from '../../lib/api-client';

/** GET /api/admin/analytics/page-views — page views per route and per day, small counts suppressed (admins). */
export function getPageViewStats(range: { from: string; to: string }, signal?: AbortSignal): Promise<PageViewStats> {
  const query = new URLSearchParams();
  if (range.from) query.set('from', range.from);
  if (range.to) query.set('to', range.to);
  const search = query.toString();
  return api.get(`/api/admin/analytics/page-views${search ? `?${search}` : ''}`, PageViewStats, signal);
}

export function usePageViewStats(range: { from: string; to: string }) {
  return useQuery({ queryKey: ['administration', 'page-views', range], queryFn: ({ signal }) => getPageViewStats(range, signal), placeholderData: keepPreviousData });
}
