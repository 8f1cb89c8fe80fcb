import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FolderDetail } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/folders/:id/items/:resourceId/move — to another folder of mine; answers the target folder. */
export function moveFolderItem({ id, resourceId, toFolderId }: { id: string; resourceId: string; toFolderId: string }): Promise<FolderDetail> {
  return api.post(`/api/folders/${encodeURIComponent(id)}/items/${encodeURIComponent(resourceId)}/move`, { toFolderId }, FolderDetail);
}

export function useMoveFolderItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveFolderItem,
    onSuccess: async (target, { id }) => {
      queryClient.setQueryData(queryKeys.folder(target.id), target);
      // The source folder lost the item: fetch it again, with my folders' counts.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.folder(id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myFolders }),
      ]);
    },
  });
}
