import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Ok } from '@lesplein/contracts/common';
import { api } from '../../lib/api-client';
import { banEntryPath, moderationKeys } from './moderation-keys';

/** DELETE /api/moderation/ban-list/:id — removes an entry (locked accounts stay locked). */
export function removeBanEntry(id: string): Promise<Ok> {
  return api.delete(banEntryPath(id), Ok);
}

export function useRemoveBanEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeBanEntry,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.banList }),
  });
}
