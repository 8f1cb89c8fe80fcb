import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FolderDetail } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/folders/:id/copy[?token] — a private copy of a folder I may see; answers the copy. */
export function copyFolder({ id, token }: { id: string; token?: string }): Promise<FolderDetail> {
  return api.post(`/api/folders/${encodeURIComponent(id)}/copy${token ? `?token=${encodeURIComponent(token)}` : ''}`, {}, FolderDetail);
}

export function useCopyFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: copyFolder,
    onSuccess: async (folder) => {
      queryClient.setQueryData(queryKeys.folder(folder.id), folder);
      await queryClient.invalidateQueries({ queryKey: queryKeys.myFolders });
    },
  });
}
