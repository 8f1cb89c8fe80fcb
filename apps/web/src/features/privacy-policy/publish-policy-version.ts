import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminPolicyVersion, type PublishPolicyVersion } from '@lesplein/contracts/privacy-policy';
import { api } from '../../lib/api-client';
import { ADMIN_POLICY_VERSIONS_PATH, privacyPolicyKeys } from './privacy-policy-keys';

/** POST /api/admin/privacy-policy/versions — publish a new version (admins; audited). */
export function publishPolicyVersion(input: PublishPolicyVersion): Promise<AdminPolicyVersion> {
  return api.post(ADMIN_POLICY_VERSIONS_PATH, input, AdminPolicyVersion);
}

export function usePublishPolicyVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishPolicyVersion,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: privacyPolicyKeys.admin }),
        queryClient.invalidateQueries({ queryKey: ['privacy-policy'] }),
        queryClient.invalidateQueries({ queryKey: privacyPolicyKeys.mine }),
      ]);
    },
  });
}
