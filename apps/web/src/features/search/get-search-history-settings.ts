import { useQuery } from '@tanstack/react-query';
import { SearchHistorySettings } from '@lesplein/contracts/search';
import { api } from '../../lib/api-client';
import { SEARCH_HISTORY_PATH, searchKeys } from './search-keys';

/** GET /api/account/search-history/settings — whether the search history is paused. */
export function getSearchHistorySettings(signal?: AbortSignal): Promise<SearchHistorySettings> {
  return api.get(`${SEARCH_HISTORY_PATH}/settings`, SearchHistorySettings, signal);
}

export function useSearchHistorySettings() {
  return useQuery({ queryKey: searchKeys.historySettings, queryFn: ({ signal }) => getSearchHistorySettings(signal) });
}
