import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { Page } from '@lesplein/contracts/common';
import { ResourceSummary } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

const ResourcePage = Page(ResourceSummary);
export const MY_RESOURCES_PAGE_SIZE = 20;

export type MyResourcesFilter = 'draft' | 'published' | 'hidden' | '';

/** GET /api/account/resources?state&cursor&limit — the member's own resources, last changed first. */
export function listMyResources(state: MyResourcesFilter, cursor: string | null, signal?: AbortSignal): Promise<Page<ResourceSummary>> {
  const params = new URLSearchParams({ limit: String(MY_RESOURCES_PAGE_SIZE) });
  if (state) params.set('state', state);
  if (cursor) params.set('cursor', cursor);
  return api.get(`/api/account/resources?${params.toString()}`, ResourcePage, signal);
}

export function myResourcesQuery(state: MyResourcesFilter) {
  return infiniteQueryOptions({
    queryKey: queryKeys.myResources(state),
    queryFn: ({ pageParam, signal }) => listMyResources(state, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useMyResources(state: MyResourcesFilter) {
  return useInfiniteQuery(myResourcesQuery(state));
}
