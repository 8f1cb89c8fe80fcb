import { useMutation } from '@tanstack/react-query';
import { TwoFactorSetupResponse } from '@lesplein/contracts/security';
import { api } from '../../lib/api-client';

/** POST /api/account/2fa/setup — a new secret, not active until confirmed with a code. */
export function setupTwoFactor(): Promise<TwoFactorSetupResponse> {
  return api.post('/api/account/2fa/setup', {}, TwoFactorSetupResponse);
}

export function useSetupTwoFactor() {
  return useMutation({ mutationFn: setupTwoFactor });
}
