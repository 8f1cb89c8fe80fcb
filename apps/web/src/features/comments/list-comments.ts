import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { CommentThread } from '@lesplein/contracts/comment';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

export const COMMENTS_PAGE_SIZE = 50;

/** GET /api/resources/:id/comments?cursor&limit — top-level comments, oldest first, with their replies. */
export function listComments(resourceId: string, cursor: string | null, signal?: AbortSignal): Promise<CommentThread> {
  const params = new URLSearchParams({ limit: String(COMMENTS_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`/api/resources/${encodeURIComponent(resourceId)}/comments?${params.toString()}`, CommentThread, signal);
}

export function useComments(resourceId: string) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: queryKeys.comments(resourceId),
      queryFn: ({ pageParam, signal }) => listComments(resourceId, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
}
