import { useMutation } from '@tanstack/react-query';
import type { ResetPasswordRequest } from '@lesplein/contracts/auth';
import { Ok } from '@lesplein/contracts/common';
import { api } from '../../lib/api-client';

/** POST /api/auth/reset-password — sets a new password with the token from the mail. */
export function resetPassword(input: ResetPasswordRequest): Promise<Ok> {
  return api.post('/api/auth/reset-password', input, Ok);
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
