import { useQuery } from '@tanstack/react-query';
import { AdminPrivacyRequest } from '@lesplein/contracts/privacy-request';
import { api } from '../../lib/api-client';
import { ADMIN_PRIVACY_REQUESTS_PATH, privacyRequestKeys } from './privacy-request-keys';

/** GET /api/admin/privacy-requests/:id — one request (admins). */
export function getAdminPrivacyRequest(id: string, signal?: AbortSignal): Promise<AdminPrivacyRequest> {
  return api.get(`${ADMIN_PRIVACY_REQUESTS_PATH}/${encodeURIComponent(id)}`, AdminPrivacyRequest, signal);
}

export function useAdminPrivacyRequest(id: string) {
  return useQuery({ queryKey: privacyRequestKeys.adminRequest(id), queryFn: ({ signal }) => getAdminPrivacyRequest(id, signal) });
}
