import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VerifyEmailRequest } from '@lesplein/contracts/auth';
import { Ok } from '@lesplein/contracts/common';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/auth/verify-email — confirms the address from the link in the registration mail. */
export function verifyEmail(input: VerifyEmailRequest): Promise<Ok> {
  return api.post('/api/auth/verify-email', input, Ok);
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.currentMember }),
  });
}
