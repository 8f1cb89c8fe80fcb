import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SavedSearch, type SavedSearchRequest } from '@lesplein/contracts/search';
import { api } from '../../lib/api-client';
import { SAVED_SEARCHES_PATH, searchKeys } from './search-keys';

/** POST /api/account/saved-searches — keeps a search, with an alert for new matches. */
export function saveSearch(input: SavedSearchRequest): Promise<SavedSearch> {
  return api.post(SAVED_SEARCHES_PATH, input, SavedSearch);
}

export function useSaveSearch() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveSearch, onSuccess: () => queryClient.invalidateQueries({ queryKey: searchKeys.saved }) });
}
