import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FolderDetail } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** PUT /api/folders/:id/items/order — the items in this order. */
export function reorderFolderItems({ id, resourceIds }: { id: string; resourceIds: string[] }): Promise<FolderDetail> {
  return api.put(`/api/folders/${encodeURIComponent(id)}/items/order`, { resourceIds }, FolderDetail);
}

export function useReorderFolderItems() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reorderFolderItems,
    onSuccess: async (folder) => {
      queryClient.setQueryData(queryKeys.folder(folder.id), folder);
      await queryClient.invalidateQueries({ queryKey: queryKeys.myFolders });
    },
  });
}
