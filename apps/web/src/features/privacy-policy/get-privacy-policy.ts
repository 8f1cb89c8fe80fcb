import { queryOptions, useQuery } from '@tanstack/react-query';
import { PrivacyPolicyPage } from '@lesplein/contracts/privacy-policy';
import { api } from '../../lib/api-client';
import { PRIVACY_POLICY_PATH, privacyPolicyKeys } from './privacy-policy-keys';

/** GET /api/privacy-policy — the current privacy statement and every version (public). */
export function getPrivacyPolicy(signal?: AbortSignal): Promise<PrivacyPolicyPage> {
  return api.get(PRIVACY_POLICY_PATH, PrivacyPolicyPage, signal);
}

export const privacyPolicyQuery = queryOptions({
  queryKey: privacyPolicyKeys.page,
  queryFn: ({ signal }) => getPrivacyPolicy(signal),
});

export function usePrivacyPolicy() {
  return useQuery(privacyPolicyQuery);
}
