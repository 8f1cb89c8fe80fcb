import { useMutation } from '@tanstack/react-query';
import { BanEntryAddress } from '@lesplein/contracts/ban-list';
import { api } from '../../lib/api-client';
import { banEntryPath } from './moderation-keys';

/**
 * GET /api/moderation/ban-list/:id/address — the kept address of an entry. Every read is logged,
 * so it is asked only when the moderator presses the button (a mutation, never a cached query
 * that could be fetched again on its own).
 */
export function readBanAddress(id: string): Promise<BanEntryAddress> {
  return api.get(`${banEntryPath(id)}/address`, BanEntryAddress);
}

export function useReadBanAddress() {
  return useMutation({ mutationFn: readBanAddress });
}
