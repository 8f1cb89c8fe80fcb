import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { Page } from '@lesplein/contracts/common';
import { ViewedResource } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

const ViewedPage = Page(ViewedResource);
export const VIEWED_PAGE_SIZE = 20;

/** GET /api/account/viewed?cursor&limit — the member's viewing history, most recent first. */
export function listViewedResources(cursor: string | null, signal?: AbortSignal): Promise<Page<ViewedResource>> {
  const params = new URLSearchParams({ limit: String(VIEWED_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/api/account/viewed?${params.toString()}`, ViewedPage, signal);
}

export const viewedResourcesQuery = infiniteQueryOptions({
  queryKey: queryKeys.viewedResources,
  queryFn: ({ pageParam, signal }) => listViewedResources(pageParam, signal),
  initialPageParam: null as string | null,
  getNextPageParam: (last) => last.nextCursor,
});

export function useViewedResources() {
  return useInfiniteQuery(viewedResourcesQuery);
}
