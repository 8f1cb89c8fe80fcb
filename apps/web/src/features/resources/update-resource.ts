import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ResourceDetail, type UpdateResourceRequest } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys, resourceLists } from '../../lib/query-keys';

/** PATCH /api/resources/:id — the author changes the given fields. */
export function updateResource({ id, input }: { id: string; input: UpdateResourceRequest }): Promise<ResourceDetail> {
  return api.patch(`/api/resources/${encodeURIComponent(id)}`, input, ResourceDetail);
}

export function useUpdateResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateResource,
    onSuccess: async (resource) => {
      queryClient.setQueryData(queryKeys.resource(resource.id), resource);
      await queryClient.invalidateQueries(resourceLists);
    },
  });
}
