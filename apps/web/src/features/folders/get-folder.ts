import { queryOptions, useQuery } from '@tanstack/react-query';
import { FolderDetail } from '@lesplein/contracts/folder';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/folders/:id — a folder I may see (mine, public; 404 otherwise). */
export function getFolder(id: string, signal?: AbortSignal): Promise<FolderDetail> {
  return api.get(`/api/folders/${encodeURIComponent(id)}`, FolderDetail, signal);
}

export function useFolder(id: string, enabled = true) {
  return useQuery({ ...queryOptions({ queryKey: queryKeys.folder(id), queryFn: ({ signal }) => getFolder(id, signal) }), enabled });
}
