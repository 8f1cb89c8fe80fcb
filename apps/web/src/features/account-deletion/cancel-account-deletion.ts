import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AccountDeletionView } from '@lesplein/contracts/account-deletion';
import { api } from '../../lib/api-client';
import { accountDeletionKey } from './get-account-deletion';

/** POST /api/account-deletion/:token/cancel — keeps the account (during the grace period). */
export function cancelAccountDeletion(token: string): Promise<AccountDeletionView> {
  return api.post(`/api/account-deletion/${encodeURIComponent(token)}/cancel`, {}, AccountDeletionView);
}

export function useCancelAccountDeletion(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => cancelAccountDeletion(token),
    onSuccess: (view) => queryClient.setQueryData(accountDeletionKey(token), view),
  });
}
