import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UnreadCounts } from '@lesplein/contracts/notification';
import { api, lazySchema } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

const schema = lazySchema(() => import('@lesplein/contracts/notification').then((m) => m.UnreadCounts));

/** How often the header asks again (and whenever the window gets focus). */
export const UNREAD_POLL_MS = 60_000;

/** GET /api/account/unread — unread notifications and messages, for the header. */
export function getUnreadCounts(signal?: AbortSignal): Promise<UnreadCounts> {
  return api.get('/api/account/unread', schema, signal);
}

export function unreadCountsQuery() {
  return queryOptions({ queryKey: queryKeys.unread, queryFn: ({ signal }) => getUnreadCounts(signal) });
}

export function useUnreadCounts(enabled: boolean) {
  return useQuery({ ...unreadCountsQuery(), enabled, refetchInterval: UNREAD_POLL_MS, refetchOnWindowFocus: 'always', staleTime: 0 });
}
