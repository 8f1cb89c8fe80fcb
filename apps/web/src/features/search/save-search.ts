import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SavedSearch, SavedSearchRequest } from '@lesplein/contracts/search';
import { api, lazySchema } from '../../lib/api-client';
import { SAVED_SEARCHES_PATH, searchKeys } from './search-keys';

// The schema loads with the request: the search page offers this, and zod is not in its start-up (lib/api-client.ts).
const schema = lazySchema(() => import('@lesplein/contracts/search').then((m) => m.SavedSearch));

/** POST /api/account/saved-searches — keeps a search, with an alert for new matches. */
export function saveSearch(input: SavedSearchRequest): Promise<SavedSearch> {
  return api.post(SAVED_SEARCHES_PATH, input, schema);
}

export function useSaveSearch() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveSearch, onSuccess: () => queryClient.invalidateQueries({ queryKey: searchKeys.saved }) });
}
