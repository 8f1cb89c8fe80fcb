import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FolderDetail } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/folders/:id/items/:resourceId/move — to another folder of mine; answers the source folder. */
export function moveFolderItem({ id, resourceId, toFolderId }: { id: string; resourceId: string; toFolderId: string }): Promise<FolderDetail> {
  return api.post(`/api/folders/${encodeURIComponent(id)}/items/${encodeURIComponent(resourceId)}/move`, { toFolderId }, FolderDetail);
}

export function useMoveFolderItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveFolderItem,
    onSuccess: async (folder) => {
      queryClient.setQueryData(queryKeys.folder(folder.id), folder);
      await queryClient.invalidateQueries({ queryKey: queryKeys.myFolders });
    },
  });
}
