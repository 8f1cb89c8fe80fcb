import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ResourceDetail } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys, resourceLists } from '../../lib/query-keys';

/** POST /api/resources/:id/publish — the author publishes a draft (400 with errors[path=files] when it has neither file nor link). */
export function publishResource(id: string): Promise<ResourceDetail> {
  return api.post(`/api/resources/${encodeURIComponent(id)}/publish`, {}, ResourceDetail);
}

export function usePublishResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishResource,
    onSuccess: async (resource) => {
      queryClient.setQueryData(queryKeys.resource(resource.id), resource);
      await queryClient.invalidateQueries(resourceLists);
    },
  });
}
