import { queryOptions, useQuery } from '@tanstack/react-query';
import { OwnProfile } from '@lesplein/contracts/profile';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/account/profile — the member's own profile, with consents and visibility. */
export function getProfile(signal?: AbortSignal): Promise<OwnProfile> {
  return api.get('/api/account/profile', OwnProfile, signal);
}

export const profileQuery = queryOptions({
  queryKey: queryKeys.ownProfile,
  queryFn: ({ signal }) => getProfile(signal),
});

export function useProfile() {
  return useQuery(profileQuery);
}
