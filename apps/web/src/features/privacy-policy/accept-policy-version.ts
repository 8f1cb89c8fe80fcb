import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MyPolicyStatus } from '@lesplein/contracts/privacy-policy';
import { api } from '../../lib/api-client';
import { MY_POLICY_STATUS_PATH, privacyPolicyKeys } from './privacy-policy-keys';

/** POST /api/account/privacy-policy/acceptances — accept (or mark as read) the current version. */
export function acceptPolicyVersion(version: number): Promise<MyPolicyStatus> {
  return api.post(`${MY_POLICY_STATUS_PATH}/acceptances`, { version }, MyPolicyStatus);
}

export function useAcceptPolicyVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptPolicyVersion,
    onSuccess: async (status) => {
      queryClient.setQueryData(privacyPolicyKeys.mine, status);
      // Requests refused while the session was limited may be asked again now.
      await queryClient.invalidateQueries({ predicate: (query) => query.state.status === 'error' });
    },
  });
}
