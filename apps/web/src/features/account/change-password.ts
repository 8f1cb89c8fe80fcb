import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@lesplein/contracts/auth';
import { Ok } from '@lesplein/contracts/common';
import { api } from '../../lib/api-client';

/** POST /api/account/password — needs the current password. */
export function changePassword(input: ChangePasswordRequest): Promise<Ok> {
  return api.post('/api/account/password', input, Ok);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
