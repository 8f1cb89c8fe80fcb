import { queryOptions, useQuery } from '@tanstack/react-query';
import { ViewHistorySettings } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/account/viewed-settings — whether the viewing history is paused. */
export function getViewHistorySettings(signal?: AbortSignal): Promise<ViewHistorySettings> {
  return api.get('/api/account/viewed-settings', ViewHistorySettings, signal);
}

export const viewHistorySettingsQuery = queryOptions({
  queryKey: queryKeys.viewHistorySettings,
  queryFn: ({ signal }) => getViewHistorySettings(signal),
});

export function useViewHistorySettings() {
  return useQuery(viewHistorySettingsQuery);
}
