import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { Page } from '@lesplein/contracts/common';
import { ResourceSummary } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

const FavouritePage = Page(ResourceSummary);

/** GET /api/account/favourites?cursor&limit — resources I favourited, latest first. */
export function listMyFavourites(cursor: string | null, signal?: AbortSignal): Promise<Page<ResourceSummary>> {
  const params = new URLSearchParams({ limit: '20' });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/api/account/favourites?${params.toString()}`, FavouritePage, signal);
}

export function useMyFavourites() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: queryKeys.myFavourites,
      queryFn: ({ pageParam, signal }) => listMyFavourites(pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
}
