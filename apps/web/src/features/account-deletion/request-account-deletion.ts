import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AccountDeletionView, type AccountDeletionRequest } from '@lesplein/contracts/account-deletion';
import { api } from '../../lib/api-client';
import { isMemberData, queryKeys } from '../../lib/query-keys';
import { noteSignedOut } from '../../lib/sign-out';

/** POST /api/account/deletion — asks to delete my account (password, 2FA code); the session ends. */
export function requestAccountDeletion(input: AccountDeletionRequest): Promise<AccountDeletionView> {
  return api.post('/api/account/deletion', input, AccountDeletionView);
}

export interface RequestAccountDeletionOptions {
  /**
   * Moves to the confirmation page, which then forgets the member (useForgetDeletedMember):
   * forgetting here would let the guard of the member-only page we are leaving redirect first.
   */
  leave: (view: AccountDeletionView) => void | Promise<void>;
}

export function useRequestAccountDeletion(options: RequestAccountDeletionOptions) {
  return useMutation({
    mutationFn: requestAccountDeletion,
    onSuccess: async (view) => {
      api.resetCsrfToken();
      await options.leave(view);
    },
  });
}

/** On the page shown after the request: the session has ended, so the member's data goes. */
export function useForgetDeletedMember() {
  const queryClient = useQueryClient();
  useEffect(() => {
    noteSignedOut();
    queryClient.removeQueries({ predicate: (query) => isMemberData(query.queryKey) });
    queryClient.setQueryData(queryKeys.currentMember, null);
  }, [queryClient]);
}
