import { queryOptions, useQuery } from '@tanstack/react-query';
import { PublicPartnerList } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { partnerKeys } from './partner-keys';

/** GET /api/partners — active partners with their current privacy notice (public). */
export function listPublicPartners(signal?: AbortSignal): Promise<PublicPartnerList> {
  return api.get('/api/partners', PublicPartnerList, signal);
}

export const publicPartnersQuery = queryOptions({
  queryKey: partnerKeys.directory,
  queryFn: ({ signal }) => listPublicPartners(signal),
  staleTime: 5 * 60_000,
});

export function usePublicPartners() {
  return useQuery(publicPartnersQuery);
}
