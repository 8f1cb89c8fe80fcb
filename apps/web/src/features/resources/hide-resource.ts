import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ResourceDetail, type HideResourceRequest } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys, resourceLists } from '../../lib/query-keys';

/** POST /api/resources/:id/hide — moderators and admins hide a published resource; the author sees the reason. */
export function hideResource({ id, input }: { id: string; input: HideResourceRequest }): Promise<ResourceDetail> {
  return api.post(`/api/resources/${encodeURIComponent(id)}/hide`, input, ResourceDetail);
}

export function useHideResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: hideResource,
    onSuccess: async (resource) => {
      queryClient.setQueryData(queryKeys.resource(resource.id), resource);
      await queryClient.invalidateQueries(resourceLists);
    },
  });
}
