import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BanEntryAdded, type AddBanEntryRequest } from '@lesplein/contracts/ban-list';
import { api } from '../../lib/api-client';
import { BAN_LIST_PATH, moderationKeys } from './moderation-keys';

/** POST /api/moderation/ban-list — bans an address; a matching account is locked at once (409 when already listed). */
export function addBanEntry(input: AddBanEntryRequest): Promise<BanEntryAdded> {
  return api.post(BAN_LIST_PATH, input, BanEntryAdded);
}

export function useAddBanEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addBanEntry,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.banList }),
  });
}
