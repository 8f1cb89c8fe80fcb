import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LoginResponse, type LoginRequest } from '@lesplein/contracts/auth';
import { api } from '../../lib/api-client';
import { isMemberData, queryKeys } from '../../lib/query-keys';

/** POST /api/auth/login — signs in, or asks for the second factor. */
export function login(input: LoginRequest): Promise<LoginResponse> {
  return api.post('/api/auth/login', input, LoginResponse);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      if (result.status !== 'signed_in') return;
      api.resetCsrfToken();
      queryClient.removeQueries({ predicate: (query) => isMemberData(query.queryKey) });
      queryClient.setQueryData(queryKeys.currentMember, result.member);
    },
  });
}
