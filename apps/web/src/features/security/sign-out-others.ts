import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SignOutOthersResponse } from '@lesplein/contracts/security';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** POST /api/account/sessions/sign-out-others — ends every session but this one. */
export function signOutOthers(): Promise<SignOutOthersResponse> {
  return api.post('/api/account/sessions/sign-out-others', {}, SignOutOthersResponse);
}

export function useSignOutOthers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutOthers,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions }),
  });
}
