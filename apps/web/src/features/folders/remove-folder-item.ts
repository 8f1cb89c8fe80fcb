import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** DELETE /api/folders/:id/items/:resourceId — takes a resource out of my folder. */
export function removeFolderItem({ folderId, resourceId }: { folderId: string; resourceId: string }): Promise<void> {
  return api.delete(`/api/folders/${encodeURIComponent(folderId)}/items/${encodeURIComponent(resourceId)}`);
}

export function useRemoveFolderItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeFolderItem,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.folders }),
  });
}
