import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminPrivacyRequest, type AnswerPrivacyRequest } from '@lesplein/contracts/privacy-request';
import { api } from '../../lib/api-client';
import { ADMIN_PRIVACY_REQUESTS_PATH, privacyRequestKeys } from './privacy-request-keys';

/** POST /api/admin/privacy-requests/:id/answer — close with the outcome, e-mailed to the requester (admins; audited). */
export function answerPrivacyRequest({ id, input }: { id: string; input: AnswerPrivacyRequest }): Promise<AdminPrivacyRequest> {
  return api.post(`${ADMIN_PRIVACY_REQUESTS_PATH}/${encodeURIComponent(id)}/answer`, input, AdminPrivacyRequest);
}

export function useAnswerPrivacyRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerPrivacyRequest,
    onSuccess: async (request) => {
      queryClient.setQueryData(privacyRequestKeys.adminRequest(request.id), request);
      await queryClient.invalidateQueries({ queryKey: privacyRequestKeys.admin });
    },
  });
}
