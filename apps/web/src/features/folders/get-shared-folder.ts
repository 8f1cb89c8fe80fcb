import { queryOptions, useQuery } from '@tanstack/react-query';
import { FolderDetail } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/folders/shared/:token — a folder shared by link. */
export function getSharedFolder(token: string, signal?: AbortSignal): Promise<FolderDetail> {
  return api.get(`/api/folders/shared/${encodeURIComponent(token)}`, FolderDetail, signal);
}

export function useSharedFolder(token: string, enabled = true) {
  return useQuery({ ...queryOptions({ queryKey: [...queryKeys.folders, 'shared', token], queryFn: ({ signal }) => getSharedFolder(token, signal) }), enabled });
}
