import { queryOptions, useQuery } from '@tanstack/react-query';
import { LoginHistory } from '@lesplein/contracts/security';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/account/login-history — recent sign-ins, kept for `retentionDays`. */
export function getLoginHistory(signal?: AbortSignal): Promise<LoginHistory> {
  return api.get('/api/account/login-history', LoginHistory, signal);
}

export const loginHistoryQuery = queryOptions({
  queryKey: queryKeys.loginHistory,
  queryFn: ({ signal }) => getLoginHistory(signal),
});

export function useLoginHistory() {
  return useQuery(loginHistoryQuery);
}
