import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { SearchResult } from '@lesplein/contracts/search';
import { api } from '../../lib/api-client';
import { apiSearchQuery, type SearchState } from './search-url';

/** GET /api/search — published resources matching text and filters, with facet counts (public). */
export function searchResources(state: SearchState, cursor: string | null, signal?: AbortSignal): Promise<SearchResult> {
  return api.get(`/api/search?${apiSearchQuery(state, cursor ?? undefined)}`, SearchResult, signal);
}

export function useSearchResults(state: SearchState) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: ['search', 'results', state],
      queryFn: ({ pageParam, signal }) => searchResources(state, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      // Keep showing the previous results while the next ones load: instant, without flashing.
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
  );
}
