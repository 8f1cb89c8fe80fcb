import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FolderDetail } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** PUT /api/folders/:id/follow (follow) or DELETE (stop following) a public folder. */
export function setFolderFollow({ id, following }: { id: string; following: boolean }): Promise<FolderDetail> {
  return following ? api.put(`/api/folders/${encodeURIComponent(id)}/follow`, {}, FolderDetail) : api.delete(`/api/folders/${encodeURIComponent(id)}/follow`, FolderDetail);
}

export function useSetFolderFollow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setFolderFollow,
    onSuccess: async (folder) => {
      queryClient.setQueryData(queryKeys.folder(folder.id), folder);
      await queryClient.invalidateQueries({ queryKey: queryKeys.myFolders });
    },
  });
}
