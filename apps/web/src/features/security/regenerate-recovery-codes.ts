import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { RecoveryCodesResponse } from '@lesplein/contracts/security';
import { api } from '../../lib/api-client';

export const RegenerateRecoveryCodesRequest = z.strictObject({ password: z.string().min(1).max(200) });
export type RegenerateRecoveryCodesRequest = z.infer<typeof RegenerateRecoveryCodesRequest>;

/** POST /api/account/2fa/recovery-codes — replaces all recovery codes; the old ones stop working. */
export function regenerateRecoveryCodes(input: RegenerateRecoveryCodesRequest): Promise<RecoveryCodesResponse> {
  return api.post('/api/account/2fa/recovery-codes', input, RecoveryCodesResponse);
}

export function useRegenerateRecoveryCodes() {
  return useMutation({ mutationFn: regenerateRecoveryCodes });
}
