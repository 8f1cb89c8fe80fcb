import { useMutation } from '@tanstack/react-query';
import { AcceptedResponse, type ChangeEmailRequest } from '@lesplein/contracts/auth';
import { api } from '../../lib/api-client';

/** POST /api/account/email — mails a confirmation link to the new address; nothing changes until it is used. */
export function changeEmail(input: ChangeEmailRequest): Promise<AcceptedResponse> {
  return api.post('/api/account/email', input, AcceptedResponse);
}

export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}
