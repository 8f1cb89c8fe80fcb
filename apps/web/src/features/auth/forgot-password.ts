import { useMutation } from '@tanstack/react-query';
import { AcceptedResponse, type ForgotPasswordRequest } from '@lesplein/contracts/auth';
import { api } from '../../lib/api-client';

/** POST /api/auth/forgot-password — mails a reset link if the address belongs to a member. */
export function forgotPassword(input: ForgotPasswordRequest): Promise<AcceptedResponse> {
  return api.post('/api/auth/forgot-password', input, AcceptedResponse);
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
