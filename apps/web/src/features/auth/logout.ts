import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Ok } from '@lesplein/contracts/common';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/**
 * POST /api/auth/logout — ends this session.
 * The header offers this on every page; the answer is only `{ ok: true }`, so it is not run
 * through the contract schema, which keeps zod out of the start-up bundle.
 */
export function logout(): Promise<Ok> {
  return api.post<Ok>('/api/auth/logout', {});
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      api.resetCsrfToken();
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'taxonomy' });
      queryClient.setQueryData(queryKeys.currentMember, null);
    },
  });
}
