import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Ok } from '@lesplein/contracts/common';
import { api } from '../../lib/api-client';
import { queryKeys, resourceLists } from '../../lib/query-keys';

/** DELETE /api/resources/:id — the author removes a resource; its files are deleted. */
export function removeResource(id: string): Promise<Ok> {
  return api.delete(`/api/resources/${encodeURIComponent(id)}`, Ok);
}

export function useRemoveResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeResource,
    onSuccess: async (_ok, id) => {
      queryClient.removeQueries({ queryKey: queryKeys.resource(id) });
      await queryClient.invalidateQueries(resourceLists);
      await queryClient.invalidateQueries({ queryKey: queryKeys.uploadLimits });
    },
  });
}
