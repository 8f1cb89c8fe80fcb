import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BlockState } from '@lesplein/contracts/follow';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';
import { blockKey } from './get-block';
import { blocksKey } from './list-blocks';

/** PUT /api/members/:handle/block (block) or DELETE (unblock). */
export function setBlock({ handle, blocked }: { handle: string; blocked: boolean }): Promise<BlockState> {
  const path = `/api/members/${encodeURIComponent(handle)}/block`;
  return blocked ? api.put(path, {}, BlockState) : api.delete(path, BlockState);
}

export function useSetBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setBlock,
    onSuccess: (state, { handle }) => {
      queryClient.setQueryData(blockKey(handle), state);
      return Promise.all([queryClient.invalidateQueries({ queryKey: blocksKey }), queryClient.invalidateQueries({ queryKey: queryKeys.follow(handle) })]);
    },
  });
}
