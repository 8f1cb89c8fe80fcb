import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DataExport, type DataExportList } from '@lesplein/contracts/data-export';
import { api } from '../../lib/api-client';
import { DATA_EXPORTS_PATH, dataExportsKey } from './list-data-exports';

/** POST /api/account/exports — asks for an export of all my data (built in the background; 202). */
export function requestDataExport(): Promise<DataExport> {
  return api.post(DATA_EXPORTS_PATH, {}, DataExport);
}

export function useRequestDataExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestDataExport,
    onSuccess: (created) => {
      // Show the new export (and its progress bar) at once, then follow the list.
      queryClient.setQueryData<DataExportList>(dataExportsKey, (list) => ({ items: [created, ...(list?.items ?? []).filter((item) => item.id !== created.id)] }));
      return queryClient.invalidateQueries({ queryKey: dataExportsKey });
    },
  });
}
