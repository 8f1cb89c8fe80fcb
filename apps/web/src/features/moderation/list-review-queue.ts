import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { ReviewQueue } from '@lesplein/contracts/moderation';
import { api } from '../../lib/api-client';
import { MODERATION_PATH, moderationKeys } from './moderation-keys';

export const REVIEW_PAGE_SIZE = 20;

/** GET /api/moderation/review-queue?cursor&limit — resources waiting for review (pre-moderation), oldest first. */
export function listReviewQueue(cursor: string | null, signal?: AbortSignal): Promise<ReviewQueue> {
  const params = new URLSearchParams({ limit: String(REVIEW_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get(`${MODERATION_PATH}/review-queue?${params.toString()}`, ReviewQueue, signal);
}

export const reviewQueueQuery = infiniteQueryOptions({
  queryKey: moderationKeys.reviewQueue,
  queryFn: ({ pageParam, signal }) => listReviewQueue(pageParam, signal),
  initialPageParam: null as string | null,
  getNextPageParam: (last) => last.nextCursor,
});

export function useReviewQueue() {
  return useInfiniteQuery(reviewQueueQuery);
}
