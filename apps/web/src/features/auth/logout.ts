import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Ok } from '@lesplein/contracts/common';
import { api } from '../../lib/api-client';
import { isMemberData, queryKeys } from '../../lib/query-keys';
import { noteSignedOut } from '../../lib/sign-out';

/**
 * POST /api/auth/logout — ends this session.
 * The header offers this on every page; the answer is only `{ ok: true }`, so it is not run
 * through the contract schema, which keeps zod out of the start-up bundle.
 */
export function logout(): Promise<Ok> {
  return api.post<Ok>('/api/auth/logout', {});
}

export interface LogoutOptions {
  /**
   * Moves away from the current page before the member is forgotten, so that guards of
   * member-only pages do not first send the visitor to the log-in page.
   */
  leave?: () => void | Promise<void>;
}

export function useLogout(options: LogoutOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: async () => {
      api.resetCsrfToken();
      noteSignedOut();
      await options.leave?.();
      queryClient.removeQueries({ predicate: (query) => isMemberData(query.queryKey) });
      queryClient.setQueryData(queryKeys.currentMember, null);
    },
    // If the answer got lost, ask the API who is signed in rather than guess.
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.currentMember }),
  });
}
