import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { NotificationPage } from '@lesplein/contracts/notification';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/notifications?cursor&limit — newest first, with the unread count. */
export function listNotifications(cursor: string | null, signal?: AbortSignal): Promise<NotificationPage> {
  const params = new URLSearchParams({ limit: '20' });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/api/notifications?${params.toString()}`, NotificationPage, signal);
}

export function useNotifications() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: queryKeys.notifications,
      queryFn: ({ pageParam, signal }) => listNotifications(pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
}
