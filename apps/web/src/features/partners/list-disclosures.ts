import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { DisclosurePage } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { AUTHORISATIONS_PATH, partnerKeys } from './partner-keys';

export const DISCLOSURE_PAGE_SIZE = 10;

/** GET /api/account/authorisations/:consentId/disclosures?cursor&limit — what the partner received, newest first. */
export function listDisclosures(consentId: string, cursor: string | null, signal?: AbortSignal): Promise<DisclosurePage> {
  const params = new URLSearchParams({ limit: String(DISCLOSURE_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`${AUTHORISATIONS_PATH}/${encodeURIComponent(consentId)}/disclosures?${params.toString()}`, DisclosurePage, signal);
}

export const disclosuresQuery = (consentId: string) =>
  infiniteQueryOptions({
    queryKey: partnerKeys.disclosures(consentId),
    queryFn: ({ pageParam, signal }) => listDisclosures(consentId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** Loaded only while the history is open. */
export function useDisclosures(consentId: string, enabled: boolean) {
  return useInfiniteQuery({ ...disclosuresQuery(consentId), enabled });
}
