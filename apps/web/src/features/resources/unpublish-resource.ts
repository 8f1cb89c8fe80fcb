import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ResourceDetail } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys, resourceLists } from '../../lib/query-keys';

/** POST /api/resources/:id/unpublish — the author turns a published resource back into a draft. */
export function unpublishResource(id: string): Promise<ResourceDetail> {
  return api.post(`/api/resources/${encodeURIComponent(id)}/unpublish`, {}, ResourceDetail);
}

export function useUnpublishResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unpublishResource,
    onSuccess: async (resource) => {
      queryClient.setQueryData(queryKeys.resource(resource.id), resource);
      await queryClient.invalidateQueries(resourceLists);
    },
  });
}
