import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VerifyEmailRequest } from '@lesplein/contracts/auth';
import { Ok } from '@lesplein/contracts/common';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** Same shape as the verification request: the token from the mail. */
export type ConfirmEmailRequest = VerifyEmailRequest;

/** POST /api/auth/confirm-email — confirms a new e-mail address from the link sent to it. */
export function confirmEmail(input: ConfirmEmailRequest): Promise<Ok> {
  return api.post('/api/auth/confirm-email', input, Ok);
}

export function useConfirmEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmEmail,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.currentMember });
      await queryClient.invalidateQueries({ queryKey: queryKeys.ownProfile });
    },
  });
}
