import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SearchHistoryCleared } from '@lesplein/contracts/search';
import { api } from '../../lib/api-client';
import { SEARCH_HISTORY_PATH, searchKeys } from './search-keys';

/** DELETE /api/account/search-history — the whole search history. */
export function clearSearchHistory(): Promise<SearchHistoryCleared> {
  return api.delete(SEARCH_HISTORY_PATH, SearchHistoryCleared);
}

export function useClearSearchHistory() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: clearSearchHistory, onSuccess: () => queryClient.invalidateQueries({ queryKey: searchKeys.historyList }) });
}
