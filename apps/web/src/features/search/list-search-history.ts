import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { SearchHistoryPage } from '@lesplein/contracts/search';
import { api } from '../../lib/api-client';
import { SEARCH_HISTORY_PATH, searchKeys } from './search-keys';

/** GET /api/account/search-history?cursor&limit — the member's searches, most recent first. */
export function listSearchHistory(cursor: string | null, signal?: AbortSignal): Promise<SearchHistoryPage> {
  const params = new URLSearchParams({ limit: '20' });
  if (cursor) params.set('cursor', cursor);
  return api.get(`${SEARCH_HISTORY_PATH}?${params.toString()}`, SearchHistoryPage, signal);
}

export function useSearchHistory() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: searchKeys.historyList,
      queryFn: ({ pageParam, signal }) => listSearchHistory(pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
}
