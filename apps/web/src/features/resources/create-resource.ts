import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ResourceDetail, type CreateResourceRequest } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys, resourceLists } from '../../lib/query-keys';

/** POST /api/resources — creates a draft; files are uploaded to it afterwards. */
export function createResource(input: CreateResourceRequest): Promise<ResourceDetail> {
  return api.post('/api/resources', input, ResourceDetail);
}

export function useCreateResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createResource,
    onSuccess: (resource) => {
      queryClient.setQueryData(queryKeys.resource(resource.id), resource);
      void queryClient.invalidateQueries(resourceLists);
    },
  });
}
