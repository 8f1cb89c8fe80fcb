import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ResourceDetail } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys, resourceLists } from '../../lib/query-keys';

/** POST /api/resources/:id/unhide — moderators and admins publish a hidden resource again. */
export function unhideResource(id: string): Promise<ResourceDetail> {
  return api.post(`/api/resources/${encodeURIComponent(id)}/unhide`, {}, ResourceDetail);
}

export function useUnhideResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unhideResource,
    onSuccess: async (resource) => {
      queryClient.setQueryData(queryKeys.resource(resource.id), resource);
      await queryClient.invalidateQueries(resourceLists);
    },
  });
}
