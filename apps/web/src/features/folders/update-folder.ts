import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FolderDetail, type UpdateFolderRequest } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** PATCH /api/folders/:id — name, description, visibility or cover. */
export function updateFolder({ id, input }: { id: string; input: UpdateFolderRequest }): Promise<FolderDetail> {
  return api.patch(`/api/folders/${encodeURIComponent(id)}`, input, FolderDetail);
}

export function useUpdateFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateFolder,
    onSuccess: async (folder) => {
      queryClient.setQueryData(queryKeys.folder(folder.id), folder);
      await queryClient.invalidateQueries({ queryKey: queryKeys.myFolders });
    },
  });
}
