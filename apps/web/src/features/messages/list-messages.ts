import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { MessagePage } from '@lesplein/contracts/message';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/conversations/:id/messages?cursor&limit — newest first. */
export function listMessages(id: string, cursor: string | null, signal?: AbortSignal): Promise<MessagePage> {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/api/conversations/${encodeURIComponent(id)}/messages?${params.toString()}`, MessagePage, signal);
}

export function useMessages(id: string) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: queryKeys.conversation(id),
      queryFn: ({ pageParam, signal }) => listMessages(id, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
}
