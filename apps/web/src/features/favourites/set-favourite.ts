import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FavouriteState } from '@lesplein/contracts/favourite';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** PUT /api/resources/:id/favourite (favourited) or DELETE (not): the new state and count. */
export function setFavourite({ resourceId, favourited }: { resourceId: string; favourited: boolean }): Promise<FavouriteState> {
  const path = `/api/resources/${encodeURIComponent(resourceId)}/favourite`;
  return favourited ? api.put(path, {}, FavouriteState) : api.delete(path, FavouriteState);
}

export function useSetFavourite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setFavourite,
    onSuccess: async (state, { resourceId }) => {
      queryClient.setQueryData(queryKeys.favourite(resourceId), state);
      await queryClient.invalidateQueries({ queryKey: queryKeys.myFavourites });
    },
  });
}
