import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page } from '@lesplein/contracts/common';
import type { ResourceSummary } from '@lesplein/contracts/resource';
import { api, lazySchema } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

// The schema loads alongside the request: this is on the start-up path, and zod is not (lib/api-client.ts).
const ResourcePage = lazySchema(async () => {
  const [{ Page }, { ResourceSummary }] = await Promise.all([import('@lesplein/contracts/common'), import('@lesplein/contracts/resource')]);
  return Page(ResourceSummary);
});

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
