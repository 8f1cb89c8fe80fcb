import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Ok } from '@lesplein/contracts/common';
import type { TwoFactorDisableRequest } from '@lesplein/contracts/security';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/account/2fa/disable — needs the password and a current code. */
export function disableTwoFactor(input: TwoFactorDisableRequest): Promise<Ok> {
  return api.post('/api/account/2fa/disable', input, Ok);
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableTwoFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.currentMember }),
  });
}
