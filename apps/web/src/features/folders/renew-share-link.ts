import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FolderDetail } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/folders/:id/share-link — a new share link (the old one stops working). */
export function renewShareLink(id: string): Promise<FolderDetail> {
  return api.post(`/api/folders/${encodeURIComponent(id)}/share-link`, {}, FolderDetail);
}

export function useRenewShareLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renewShareLink,
    onSuccess: async (folder) => {
      queryClient.setQueryData(queryKeys.folder(folder.id), folder);
      await queryClient.invalidateQueries({ queryKey: queryKeys.myFolders });
    },
  });
}
