import { queryOptions, useQuery } from '@tanstack/react-query';
import { ConsentRequestView } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { isClientError } from '../../lib/form';
import { consentPath, partnerKeys } from './partner-keys';

/** GET /api/partner-consent/:uid/details — what a partner asks for (401 signed out, 404 unknown or expired). */
export function getConsentRequest(uid: string, signal?: AbortSignal): Promise<ConsentRequestView> {
  return api.get(`${consentPath(uid)}/details`, ConsentRequestView, signal);
}

export const consentRequestQuery = (uid: string) =>
  queryOptions({
    queryKey: partnerKeys.consentRequest(uid),
    queryFn: ({ signal }) => getConsentRequest(uid, signal),
    // The request is answered once; it must not change under the member's eyes.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: (count, error) => !isClientError(error) && count < 2,
  });

export function useConsentRequest(uid: string) {
  return useQuery(consentRequestQuery(uid));
}
