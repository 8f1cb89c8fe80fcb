import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FolderDetail } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/folders/:id/items — adds a resource to my folder (and to my favourites; adding twice changes nothing). */
export function addFolderItem({ folderId, resourceId }: { folderId: string; resourceId: string }): Promise<FolderDetail> {
  return api.post(`/api/folders/${encodeURIComponent(folderId)}/items`, { resourceId }, FolderDetail);
}

export function useAddFolderItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addFolderItem,
    onSuccess: async (folder, { resourceId }) => {
      queryClient.setQueryData(queryKeys.folder(folder.id), folder);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.myFolders }),
        queryClient.invalidateQueries({ queryKey: queryKeys.favourite(resourceId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myFavourites }),
      ]);
    },
  });
}
