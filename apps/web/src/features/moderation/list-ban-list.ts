import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { BanEntryPage } from '@lesplein/contracts/ban-list';
import { api } from '../../lib/api-client';
import { BAN_LIST_PATH, moderationKeys } from './moderation-keys';

export const BAN_LIST_PAGE_SIZE = 20;

/** GET /api/moderation/ban-list?cursor&limit — entries, newest first, never the addresses (403 without the ban-list right). */
export function listBanList(cursor: string | null, signal?: AbortSignal): Promise<BanEntryPage> {
  const params = new URLSearchParams({ limit: String(BAN_LIST_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`${BAN_LIST_PATH}?${params.toString()}`, BanEntryPage, signal);
}

export const banListQuery = infiniteQueryOptions({
  queryKey: moderationKeys.banList,
  queryFn: ({ pageParam, signal }) => listBanList(pageParam, signal),
  initialPageParam: null as string | null,
  getNextPageParam: (last) => last.nextCursor,
});

export function useBanList() {
  return useInfiniteQuery(banListQuery);
}
