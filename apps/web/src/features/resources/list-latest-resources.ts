import { queryOptions, useQuery } from '@tanstack/react-query';
import { Page } from '@lesplein/contracts/common';
import { ResourceSummary } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

const ResourcePage = Page(ResourceSummary);

/** GET /api/resources?limit — the latest published resources, newest first (public). */
export function listLatestResources(limit: number, signal?: AbortSignal): Promise<Page<ResourceSummary>> {
  return api.get(`/api/resources?limit=${limit}`, ResourcePage, signal);
}

export function latestResourcesQuery(limit: number) {
  return queryOptions({
    queryKey: queryKeys.latestResources(limit),
    queryFn: ({ signal }) => listLatestResources(limit, signal),
    staleTime: 60_000,
  });
}

export function useLatestResources(limit: number) {
  return useQuery(latestResourcesQuery(limit));
}
