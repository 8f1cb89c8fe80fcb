import { queryOptions, useQuery } from '@tanstack/react-query';
import { MemberList } from '@lesplein/contracts/follow';
import { api } from '../../lib/api-client';
import { isClientError } from '../../lib/form';

export type FollowDirection = 'followers' | 'following';

/** GET /api/members/:handle/followers or /following — 404 when the member hides them. */
export function listFollows(handle: string, direction: FollowDirection, signal?: AbortSignal): Promise<MemberList> {
  return api.get(`/api/members/${encodeURIComponent(handle)}/${direction}?limit=50`, MemberList, signal);
}

export function useFollows(handle: string, direction: FollowDirection) {
  return useQuery({
    ...queryOptions({ queryKey: ['follows', handle, direction], queryFn: ({ signal }) => listFollows(handle, direction, signal) }),
    retry: (count, error) => !isClientError(error) && count < 2,
  });
}
