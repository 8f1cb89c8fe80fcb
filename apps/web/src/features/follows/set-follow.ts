import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FollowState } from '@lesplein/contracts/follow';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** PUT /api/members/:handle/follow (follow) or DELETE (stop following). */
export function setFollow({ handle, following }: { handle: string; following: boolean }): Promise<FollowState> {
  const path = `/api/members/${encodeURIComponent(handle)}/follow`;
  return following ? api.put(path, {}, FollowState) : api.delete(path, FollowState);
}

export function useSetFollow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setFollow,
    onSuccess: async (state, { handle }) => {
      queryClient.setQueryData(queryKeys.follow(handle), state);
      await queryClient.invalidateQueries({ queryKey: [...queryKeys.follow(handle), 'followers'] });
    },
  });
}
