import { queryOptions, useQuery } from '@tanstack/react-query';
import { FavouriteState } from '@lesplein/contracts/favourite';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/resources/:id/favourite — whether I favourited the resource, and how many did. */
export function getFavourite(resourceId: string, signal?: AbortSignal): Promise<FavouriteState> {
  return api.get(`/api/resources/${encodeURIComponent(resourceId)}/favourite`, FavouriteState, signal);
}

export function favouriteQuery(resourceId: string) {
  return queryOptions({ queryKey: queryKeys.favourite(resourceId), queryFn: ({ signal }) => getFavourite(resourceId, signal) });
}

export function useFavourite(resourceId: string, enabled = true) {
  return useQuery({ ...favouriteQuery(resourceId), enabled });
}
