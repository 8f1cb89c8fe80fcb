import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** DELETE /api/folders/:id — removes my folder (not the resources in it). */
export function deleteFolder(id: string): Promise<unknown> {
  return api.delete(`/api/folders/${encodeURIComponent(id)}`);
}

export function useDeleteFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteFolder,
    onSuccess: (_answer, id) => {
      queryClient.removeQueries({ queryKey: queryKeys.folder(id) });
      return queryClient.invalidateQueries({ queryKey: queryKeys.myFolders });
    },
  });
}
