import { queryOptions, useQuery } from '@tanstack/react-query';
import { FolderList } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/members/:handle/folders — the member's public folders. */
export function listMemberFolders(handle: string, signal?: AbortSignal): Promise<FolderList> {
  return api.get(`/api/members/${encodeURIComponent(handle)}/folders`, FolderList, signal);
}

export function useMemberFolders(handle: string) {
  return useQuery(queryOptions({ queryKey: [...queryKeys.folders, 'member', handle], queryFn: ({ signal }) => listMemberFolders(handle, signal) }));
}
