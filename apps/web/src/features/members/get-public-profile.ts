import { queryOptions, useQuery } from '@tanstack/react-query';
import { PublicProfile } from '@lesplein/contracts/profile';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/members/:handle — what this viewer may see of a member. */
export function getPublicProfile(handle: string, signal?: AbortSignal): Promise<PublicProfile> {
  return api.get(`/api/members/${encodeURIComponent(handle)}`, PublicProfile, signal);
}

export function publicProfileQuery(handle: string) {
  return queryOptions({
    queryKey: queryKeys.publicProfile(handle),
    queryFn: ({ signal }) => getPublicProfile(handle, signal),
  });
}

export function usePublicProfile(handle: string, enabled = true) {
  return useQuery({ ...publicProfileQuery(handle), enabled });
}
