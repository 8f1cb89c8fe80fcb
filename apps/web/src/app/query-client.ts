import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ProblemCode } from '../lib/problem-codes';
import { isApiError } from '../lib/api-client';
import { isClientError } from '../lib/form';
import { queryKeys } from '../lib/query-keys';

export interface QueryClientHooks {
  /** Called when the API says this member must set up two-step verification first. */
  onSecondFactorRequired: () => void;
  /** Called when the API says this session must accept the new privacy statement first. */
  onPolicyAcceptanceRequired: () => void;
}

/**
 * One place for reactions every request shares:
 * - 401 `unauthenticated` anywhere: the session is gone, so the current member becomes "signed out" and the
 *   route guard sends the visitor to the log-in page.
 * - 403 `second_factor_required`: moderators and admins without 2FA go to the security page.
 * - 403 `policy_acceptance_required`: the member goes to the page to accept the privacy statement.
 * - 4xx answers are not retried; network and 5xx errors are, twice.
 */
export function createQueryClient(hooks: QueryClientHooks): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onError(error) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  function onError(error: unknown) {
    if (!isApiError(error)) return;
    if (error.code === ProblemCode.unauthenticated) client.setQueryData(queryKeys.currentMember, null);
    if (error.code === ProblemCode.secondFactorRequired) {
      void client.invalidateQueries({ queryKey: queryKeys.currentMember });
      hooks.onSecondFactorRequired();
    }
    if (error.code === ProblemCode.policyAcceptanceRequired) hooks.onPolicyAcceptanceRequired();
  }
  return client;
}
