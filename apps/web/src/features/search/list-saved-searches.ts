import { useQuery } from '@tanstack/react-query';
import { SavedSearchList } from '@lesplein/contracts/search';
import { api } from '../../lib/api-client';
import { SAVED_SEARCHES_PATH, searchKeys } from './search-keys';

/** GET /api/account/saved-searches — the member's saved searches. */
export function listSavedSearches(signal?: AbortSignal): Promise<SavedSearchList> {
  return api.get(SAVED_SEARCHES_PATH, SavedSearchList, signal);
}

export function useSavedSearches() {
  return useQuery({ queryKey: searchKeys.saved, queryFn: ({ signal }) => listSavedSearches(signal) });
}
