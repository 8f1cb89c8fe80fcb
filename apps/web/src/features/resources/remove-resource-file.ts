import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Ok } from '@lesplein/contracts/common';
import { api } from '../../lib/api-client';
import { queryKeys, resourceLists } from '../../lib/query-keys';

/** DELETE /api/resources/:id/files/:fileId — the author removes one file. */
export function removeResourceFile({ resourceId, fileId }: { resourceId: string; fileId: string }): Promise<Ok> {
  return api.delete(`/api/resources/${encodeURIComponent(resourceId)}/files/${encodeURIComponent(fileId)}`, Ok);
}

export function useRemoveResourceFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeResourceFile,
    onSuccess: async (_ok, { resourceId }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.resource(resourceId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.uploadLimits });
      await queryClient.invalidateQueries(resourceLists);
    },
  });
}
