import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { Feed } from '@lesplein/contracts/follow';
import { api } from '../../lib/api-client';

/** GET /api/feed?cursor&limit — new resources of members and folders I follow, newest first. */
export function getFeed(cursor: string | null, signal?: AbortSignal): Promise<Feed> {
  const params = new URLSearchParams({ limit: '20' });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/api/feed?${params.toString()}`, Feed, signal);
}

export function useFeed() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: ['follows', 'feed'],
      queryFn: ({ pageParam, signal }) => getFeed(pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
}
