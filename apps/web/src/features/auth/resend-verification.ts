import { useMutation } from '@tanstack/react-query';
import { AcceptedResponse, type ResendVerificationRequest } from '@lesplein/contracts/auth';
import { api } from '../../lib/api-client';

/** POST /api/auth/resend-verification — a new verification mail, if the address awaits one. */
export function resendVerification(input: ResendVerificationRequest): Promise<AcceptedResponse> {
  return api.post('/api/auth/resend-verification', input, AcceptedResponse);
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}
