import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Ok } from '@lesplein/contracts/common';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** DELETE /api/account/viewed/:id — deletes one entry of the viewing history. */
export function removeViewedResource(entryId: string): Promise<Ok> {
  return api.delete(`/api/account/viewed/${encodeURIComponent(entryId)}`, Ok);
}

export function useRemoveViewedResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeViewedResource,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.viewedResources }),
  });
}
