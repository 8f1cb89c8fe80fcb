import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { Page } from '@lesplein/contracts/common';
import { ResourceSummary } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

const ResourcePage = Page(ResourceSummary);

/** GET /api/members/:handle/resources?cursor&limit — a member's published resources (404 when they do not show them). */
export function listMemberResources(handle: string, cursor: string | null, signal?: AbortSignal): Promise<Page<ResourceSummary>> {
  const params = new URLSearchParams({ limit: '12' });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/api/members/${encodeURIComponent(handle)}/resources?${params.toString()}`, ResourcePage, signal);
}

export function useMemberResources(handle: string) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...queryKeys.publicProfile(handle), 'resources'],
      queryFn: ({ pageParam, signal }) => listMemberResources(handle, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
}
