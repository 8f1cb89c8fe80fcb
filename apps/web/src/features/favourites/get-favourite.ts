import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FavouriteState } from '@lesplein/contracts/favourite';
import { api, lazySchema } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

// The schema loads alongside the request: the favourite button is on the home and search pages, and zod is not (lib/api-client.ts).
const schema = lazySchema(() => import('@lesplein/contracts/favourite').then((m) => m.FavouriteState));

/** GET /api/resources/:id/favourite — whether I favourited the resource, and how many did. */
export function getFavourite(resourceId: string, signal?: AbortSignal): Promise<FavouriteState> {
  return api.get(`/api/resources/${encodeURIComponent(resourceId)}/favourite`, schema, signal);
}

export function favouriteQuery(resourceId: string) {
  return queryOptions({ queryKey: queryKeys.favourite(resourceId), queryFn: ({ signal }) => getFavourite(resourceId, signal) });
}

export function useFavourite(resourceId: string, enabled = true) {
  return useQuery({ ...favouriteQuery(resourceId), enabled });
}
