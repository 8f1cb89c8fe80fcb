import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PrivacyRequestReceipt, type NewPrivacyRequest } from '@lesplein/contracts/privacy-request';
import { api } from '../../lib/api-client';
import { PRIVACY_REQUESTS_PATH, privacyRequestKeys } from './privacy-request-keys';

/** POST /api/privacy-requests — file a request, a question to the DPO or feedback (signed in or with an e-mail address). */
export function filePrivacyRequest(input: NewPrivacyRequest): Promise<PrivacyRequestReceipt> {
  return api.post(PRIVACY_REQUESTS_PATH, input, PrivacyRequestReceipt);
}

export function useFilePrivacyRequest() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: filePrivacyRequest, onSuccess: () => queryClient.invalidateQueries({ queryKey: privacyRequestKeys.mine }) });
}
