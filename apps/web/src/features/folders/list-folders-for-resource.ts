import { queryOptions, useQuery } from '@tanstack/react-query';
import { FolderList } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/account/folders?resourceId= — my folders, each saying whether it holds that resource. */
export function listFoldersForResource(resourceId: string, signal?: AbortSignal): Promise<FolderList> {
  return api.get(`/api/account/folders?resourceId=${encodeURIComponent(resourceId)}`, FolderList, signal);
}

export function useFoldersForResource(resourceId: string, enabled = true) {
  // Under my folders' key, so every change to my folders refreshes it too.
  return useQuery({
    ...queryOptions({ queryKey: [...queryKeys.myFolders, 'for', resourceId], queryFn: ({ signal }) => listFoldersForResource(resourceId, signal) }),
    enabled,
  });
}
