import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FavouriteState } from '@lesplein/contracts/favourite';
import { api, lazySchema } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

// The schema loads alongside the request: the favourite button is on the home and search pages, and zod is not (lib/api-client.ts).
const schema = lazySchema(() => import('@lesplein/contracts/favourite').then((m) => m.FavouriteState));

/** PUT /api/resources/:id/favourite (favourited) or DELETE (not): the new state and count. */
export function setFavourite({ resourceId, favourited }: { resourceId: string; favourited: boolean }): Promise<FavouriteState> {
  const path = `/api/resources/${encodeURIComponent(resourceId)}/favourite`;
  return favourited ? api.put(path, {}, schema) : api.delete(path, schema);
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
