import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SavedSearch, type UpdateSavedSearchRequest } from '@lesplein/contracts/search';
import { api } from '../../lib/api-client';
import { SAVED_SEARCHES_PATH, searchKeys } from './search-keys';

/** PATCH /api/account/saved-searches/:id — rename, or switch the alert on or off. */
export function updateSavedSearch(id: string, changes: UpdateSavedSearchRequest): Promise<SavedSearch> {
  return api.patch(`${SAVED_SEARCHES_PATH}/${encodeURIComponent(id)}`, changes, SavedSearch);
}

export function useUpdateSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateSavedSearchRequest }) => updateSavedSearch(id, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: searchKeys.saved }),
  });
}
