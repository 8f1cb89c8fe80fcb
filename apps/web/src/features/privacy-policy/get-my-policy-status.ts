import { useQuery } from '@tanstack/react-query';
import type { MyPolicyStatus } from '@lesplein/contracts/privacy-policy';
import { api } from '../../lib/api-client';
import { MY_POLICY_STATUS_PATH, privacyPolicyKeys } from './privacy-policy-keys';

/**
 * GET /api/account/privacy-policy — what changed in the privacy statement since the member last
 * read it, and whether they must accept it first. Every page's shell asks this for a signed-in
 * member, so the answer is not run through the contract schema: that keeps zod out of the
 * start-up bundle.
 */
export function getMyPolicyStatus(signal?: AbortSignal): Promise<MyPolicyStatus> {
  return api.get<MyPolicyStatus>(MY_POLICY_STATUS_PATH, undefined, signal);
}

export function useMyPolicyStatus(enabled: boolean) {
  return useQuery({ queryKey: privacyPolicyKeys.mine, queryFn: ({ signal }) => getMyPolicyStatus(signal), enabled, staleTime: 5 * 60_000 });
}
