import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AdminPrivacyRequestList } from '@lesplein/contracts/privacy-request';
import { api } from '../../lib/api-client';
import { ADMIN_PRIVACY_REQUESTS_PATH, privacyRequestKeys, type RequestFilter } from './privacy-request-keys';

/** GET /api/admin/privacy-requests — the queue, open first by deadline (admins). Empty filters are left out. */
export function listAdminPrivacyRequests(filter: RequestFilter, signal?: AbortSignal): Promise<AdminPrivacyRequestList> {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.kind) query.set('kind', filter.kind);
  const search = query.toString();
  return api.get(`${ADMIN_PRIVACY_REQUESTS_PATH}${search ? `?${search}` : ''}`, AdminPrivacyRequestList, signal);
}

export function useAdminPrivacyRequests(filter: RequestFilter) {
  return useQuery({ queryKey: privacyRequestKeys.adminList(filter), queryFn: ({ signal }) => listAdminPrivacyRequests(filter, signal), placeholderData: keepPreviousData });
}
