import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FolderDetail, type CreateFolderRequest } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/folders — a new (private by default) folder. */
export function createFolder(input: CreateFolderRequest): Promise<FolderDetail> {
  return api.post('/api/folders', input, FolderDetail);
}

export function useCreateFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createFolder,
    onSuccess: async (folder) => {
      queryClient.setQueryData(queryKeys.folder(folder.id), folder);
      await queryClient.invalidateQueries({ queryKey: queryKeys.myFolders });
    },
  });
}
