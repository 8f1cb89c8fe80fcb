import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ViewHistorySettings } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** PUT /api/account/viewed-settings — pauses or resumes the viewing history. */
export function setViewHistorySettings(input: ViewHistorySettings): Promise<ViewHistorySettings> {
  return api.put('/api/account/viewed-settings', input, ViewHistorySettings);
}

export function useSetViewHistorySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setViewHistorySettings,
    onSuccess: (settings) => queryClient.setQueryData(queryKeys.viewHistorySettings, settings),
  });
}
