import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SearchHistorySettings } from '@lesplein/contracts/search';
import { api } from '../../lib/api-client';
import { SEARCH_HISTORY_PATH, searchKeys } from './search-keys';

/** PUT /api/account/search-history/settings — pauses or resumes the search history. */
export function setSearchHistorySettings(input: SearchHistorySettings): Promise<SearchHistorySettings> {
  return api.put(`${SEARCH_HISTORY_PATH}/settings`, input, SearchHistorySettings);
}

export function useSetSearchHistorySettings() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setSearchHistorySettings, onSuccess: (settings) => queryClient.setQueryData(searchKeys.historySettings, settings) });
}
