import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminPrivacyRequest } from '@lesplein/contracts/privacy-request';
import { api } from '../../lib/api-client';
import { ADMIN_PRIVACY_REQUESTS_PATH, privacyRequestKeys } from './privacy-request-keys';

/** POST /api/admin/privacy-requests/:id/assign — assign to an admin, or null to unassign (admins; audited). */
export function assignPrivacyRequest({ id, assigneeId }: { id: string; assigneeId: string | null }): Promise<AdminPrivacyRequest> {
  return api.post(`${ADMIN_PRIVACY_REQUESTS_PATH}/${encodeURIComponent(id)}/assign`, { assigneeId }, AdminPrivacyRequest);
}

export function useAssignPrivacyRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignPrivacyRequest,
    onSuccess: async (request) => {
      queryClient.setQueryData(privacyRequestKeys.adminRequest(request.id), request);
      await queryClient.invalidateQueries({ queryKey: privacyRequestKeys.admin });
    },
  });
}
