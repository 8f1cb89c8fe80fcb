import { queryOptions, useQuery } from '@tanstack/react-query';
import { AdminPartnerView } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { adminPartnerPath, partnerKeys } from './partner-keys';

/** GET /api/admin/partners/:id — one partner with its notice history (admins). */
export function getAdminPartner(id: string, signal?: AbortSignal): Promise<AdminPartnerView> {
  return api.get(adminPartnerPath(id), AdminPartnerView, signal);
}

export const adminPartnerQuery = (id: string) =>
  queryOptions({
    queryKey: partnerKeys.adminPartner(id),
    queryFn: ({ signal }) => getAdminPartner(id, signal),
  });

export function useAdminPartner(id: string) {
  return useQuery(adminPartnerQuery(id));
}
