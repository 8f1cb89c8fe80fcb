import { useQuery } from '@tanstack/react-query';
import { AdminPolicyVersionList } from '@lesplein/contracts/privacy-policy';
import { api } from '../../lib/api-client';
import { ADMIN_POLICY_VERSIONS_PATH, privacyPolicyKeys } from './privacy-policy-keys';

/** GET /api/admin/privacy-policy/versions — every version with its sources and acceptances (admins). */
export function listAdminPolicyVersions(signal?: AbortSignal): Promise<AdminPolicyVersionList> {
  return api.get(ADMIN_POLICY_VERSIONS_PATH, AdminPolicyVersionList, signal);
}

export function useAdminPolicyVersions() {
  return useQuery({ queryKey: privacyPolicyKeys.admin, queryFn: ({ signal }) => listAdminPolicyVersions(signal) });
}
