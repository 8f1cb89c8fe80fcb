import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Ok } from '@lesplein/contracts/common';
import { api } from '../../lib/api-client';
import { SAVED_SEARCHES_PATH, searchKeys } from './search-keys';

/** DELETE /api/account/saved-searches/:id */
export function deleteSavedSearch(id: string): Promise<Ok> {
  return api.delete(`${SAVED_SEARCHES_PATH}/${encodeURIComponent(id)}`, Ok);
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteSavedSearch, onSuccess: () => queryClient.invalidateQueries({ queryKey: searchKeys.saved }) });
}
