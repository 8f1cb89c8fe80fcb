import { queryOptions, useQuery } from '@tanstack/react-query';
import { DataExportList } from '@lesplein/contracts/data-export';
import { api } from '../../lib/api-client';

export const DATA_EXPORTS_PATH = '/api/account/exports';
export const dataExportsKey = ['privacy', 'data-exports'] as const;

/** How often the list is asked again while an export is queued or running. */
const POLL_MS = 1000;

/** GET /api/account/exports — the member's data exports, newest first, with progress and expiry. */
export function listDataExports(signal?: AbortSignal): Promise<DataExportList> {
  return api.get(DATA_EXPORTS_PATH, DataExportList, signal);
}

export const dataExportsQuery = queryOptions({
  queryKey: dataExportsKey,
  queryFn: ({ signal }) => listDataExports(signal),
});

/** True while one of the exports is still being made. */
export function hasActiveExport(list: DataExportList | undefined): boolean {
  return list?.items.some((item) => item.status === 'queued' || item.status === 'running') ?? false;
}

/** The list, polled every second while an export is queued or running (for the progress bar). */
export function useDataExports() {
  return useQuery({ ...dataExportsQuery, refetchInterval: (query) => (hasActiveExport(query.state.data) ? POLL_MS : false) });
}
