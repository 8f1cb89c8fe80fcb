import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RecoveryCodesResponse, type TwoFactorEnableRequest } from '@lesplein/contracts/security';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/account/2fa/enable — confirms the secret with a code; answers the recovery codes (shown once). */
export function enableTwoFactor(input: TwoFactorEnableRequest): Promise<RecoveryCodesResponse> {
  return api.post('/api/account/2fa/enable', input, RecoveryCodesResponse);
}

export function useEnableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableTwoFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.currentMember }),
  });
}
