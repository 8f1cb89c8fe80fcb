import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Ok } from '@lesplein/contracts/common';
import { api } from '../../lib/api-client';
import { SEARCH_HISTORY_PATH, searchKeys } from './search-keys';

/** DELETE /api/account/search-history/:id — one entry of the search history. */
export function removeSearchHistoryEntry(id: string): Promise<Ok> {
  return api.delete(`${SEARCH_HISTORY_PATH}/${encodeURIComponent(id)}`, Ok);
}

export function useRemoveSearchHistoryEntry() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: removeSearchHistoryEntry, onSuccess: () => queryClient.invalidateQueries({ queryKey: searchKeys.historyList }) });
}
