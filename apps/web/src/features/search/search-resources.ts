import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { SearchResult } from '@lesplein/contracts/search';
import { api, lazySchema } from '../../lib/api-client';
import { apiSearchQuery, type SearchState } from './search-url';

// The schema loads alongside the request: this is on the start-up path, and zod is not (lib/api-client.ts).
const schema = lazySchema(() => import('@lesplein/contracts/search').then((m) => m.SearchResult));

/** GET /api/search — published resources matching text and filters, with facet counts (public). */
export function searchResources(state: SearchState, cursor: string | null, signal?: AbortSignal): Promise<SearchResult> {
  return api.get(`/api/search?${apiSearchQuery(state, cursor ?? undefined)}`, schema, signal);
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
