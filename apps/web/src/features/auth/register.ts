import { useMutation } from '@tanstack/react-query';
import { AcceptedResponse, type RegisterRequest } from '@lesplein/contracts/auth';
import { api } from '../../lib/api-client';

/** POST /api/auth/register — sends a verification mail; answers 202 whether or not the address is known. */
export function register(input: RegisterRequest): Promise<AcceptedResponse> {
  return api.post('/api/auth/register', input, AcceptedResponse);
}

export function useRegister() {
  return useMutation({ mutationFn: register });
}
