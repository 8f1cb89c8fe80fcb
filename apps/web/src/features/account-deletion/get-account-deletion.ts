import { queryOptions, useQuery } from '@tanstack/react-query';
import { AccountDeletionView } from '@lesplein/contracts/account-deletion';
import { api } from '../../lib/api-client';

export const accountDeletionKey = (token: string) => ['account-deletion', token] as const;

/** GET /api/account-deletion/:token — the state of a deletion, from the e-mailed link (no session). */
export function getAccountDeletion(token: string): Promise<AccountDeletionView> {
  return api.get(`/api/account-deletion/${encodeURIComponent(token)}`, AccountDeletionView);
}

export const accountDeletionQuery = (token: string) => queryOptions({ queryKey: accountDeletionKey(token), queryFn: () => getAccountDeletion(token) });

export function useAccountDeletion(token: string) {
  return useQuery(accountDeletionQuery(token));
}
