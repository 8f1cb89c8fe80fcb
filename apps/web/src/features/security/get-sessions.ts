import { queryOptions, useQuery } from '@tanstack/react-query';
import { SessionList } from '@lesplein/contracts/security';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/account/sessions — the member's active sessions, this one marked `current`. */
export function getSessions(signal?: AbortSignal): Promise<SessionList> {
  return api.get('/api/account/sessions', SessionList, signal);
}

export const sessionsQuery = queryOptions({
  queryKey: queryKeys.sessions,
  queryFn: ({ signal }) => getSessions(signal),
});

export function useSessions() {
  return useQuery(sessionsQuery);
}
