import { queryOptions, useQuery } from '@tanstack/react-query';
import { FollowState } from '@lesplein/contracts/follow';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/members/:handle/follow — whether I follow the member, and their follower count. */
export function getFollow(handle: string, signal?: AbortSignal): Promise<FollowState> {
  return api.get(`/api/members/${encodeURIComponent(handle)}/follow`, FollowState, signal);
}

export function useFollow(handle: string) {
  return useQuery(queryOptions({ queryKey: queryKeys.follow(handle), queryFn: ({ signal }) => getFollow(handle, signal) }));
}
