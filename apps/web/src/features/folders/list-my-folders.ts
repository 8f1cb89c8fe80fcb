import { queryOptions, useQuery } from '@tanstack/react-query';
import { FolderList } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/account/folders — my folders. */
export function listMyFolders(signal?: AbortSignal): Promise<FolderList> {
  return api.get('/api/account/folders', FolderList, signal);
}

export function myFoldersQuery() {
  return queryOptions({ queryKey: queryKeys.myFolders, queryFn: ({ signal }) => listMyFolders(signal) });
}

export function useMyFolders(enabled = true) {
  return useQuery({ ...myFoldersQuery(), enabled });
}
