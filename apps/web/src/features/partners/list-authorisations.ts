import { queryOptions, useQuery } from '@tanstack/react-query';
import { AuthorisationList } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { AUTHORISATIONS_PATH, partnerKeys } from './partner-keys';

/** GET /api/account/authorisations — partners the member authorised, active and withdrawn. */
export function listAuthorisations(signal?: AbortSignal): Promise<AuthorisationList> {
  return api.get(AUTHORISATIONS_PATH, AuthorisationList, signal);
}

export const authorisationsQuery = queryOptions({
  queryKey: partnerKeys.authorisations,
  queryFn: ({ signal }) => listAuthorisations(signal),
});

export function useAuthorisations() {
  return useQuery(authorisationsQuery);
}
