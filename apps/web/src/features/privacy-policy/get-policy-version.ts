import { useQuery } from '@tanstack/react-query';
import { PolicyVersionView } from '@lesplein/contracts/privacy-policy';
import { api } from '../../lib/api-client';
import { PRIVACY_POLICY_PATH, privacyPolicyKeys } from './privacy-policy-keys';

/** GET /api/privacy-policy/versions/:version — one (earlier) version of the privacy statement (public). */
export function getPolicyVersion(version: number, signal?: AbortSignal): Promise<PolicyVersionView> {
  return api.get(`${PRIVACY_POLICY_PATH}/versions/${version}`, PolicyVersionView, signal);
}

export function usePolicyVersion(version: number) {
  return useQuery({
    queryKey: privacyPolicyKeys.version(version),
    queryFn: ({ signal }) => getPolicyVersion(version, signal),
    enabled: Number.isInteger(version) && version > 0,
  });
}
