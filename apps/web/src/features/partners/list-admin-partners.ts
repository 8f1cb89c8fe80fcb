import { queryOptions, useQuery } from '@tanstack/react-query';
import { AdminPartnerList } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { ADMIN_PARTNERS_PATH, partnerKeys } from './partner-keys';

/** GET /api/admin/partners — every partner with status and active consents (admins). */
export function listAdminPartners(signal?: AbortSignal): Promise<AdminPartnerList> {
  return api.get(ADMIN_PARTNERS_PATH, AdminPartnerList, signal);
}

export const adminPartnersQuery = queryOptions({
  queryKey: partnerKeys.adminList,
  queryFn: ({ signal }) => listAdminPartners(signal),
});

export function useAdminPartners() {
  return useQuery(adminPartnersQuery);
}
