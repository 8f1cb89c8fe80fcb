import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LoginResponse, type LoginSecondFactorRequest } from '@lesplein/contracts/auth';
import { api } from '../../lib/api-client';
import { isMemberData, queryKeys } from '../../lib/query-keys';

/** POST /api/auth/login/second-factor — completes sign-in with a TOTP or recovery code. */
export function loginSecondFactor(input: LoginSecondFactorRequest): Promise<LoginResponse> {
  return api.post('/api/auth/login/second-factor', input, LoginResponse);
}

export function useLoginSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: loginSecondFactor,
    onSuccess: (result) => {
      if (result.status !== 'signed_in') return;
      api.resetCsrfToken();
      queryClient.removeQueries({ predicate: (query) => isMemberData(query.queryKey) });
      queryClient.setQueryData(queryKeys.currentMember, result.member);
    },
  });
}
