import { queryOptions, useQuery } from '@tanstack/react-query';
import { ProfileActivity } from '@lesplein/contracts/profile';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/members/:handle/activity — favourites count and recent comments, each null when the member does not show it. */
export function getMemberActivity(handle: string, signal?: AbortSignal): Promise<ProfileActivity> {
  return api.get(`/api/members/${encodeURIComponent(handle)}/activity`, ProfileActivity, signal);
}

export function useMemberActivity(handle: string) {
  return useQuery(queryOptions({ queryKey: [...queryKeys.publicProfile(handle), 'activity'], queryFn: ({ signal }) => getMemberActivity(handle, signal) }));
}
