import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ReviewOutcome, type ReviewDecisionRequest } from '@lesplein/contracts/moderation';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';
import { MODERATION_PATH, moderationKeys } from './moderation-keys';

/** POST /api/moderation/review-queue/:resourceId — approve (publish) or reject with reasons and the rule applied. */
export function reviewResource({ resourceId, input }: { resourceId: string; input: ReviewDecisionRequest }): Promise<ReviewOutcome> {
  return api.post(`${MODERATION_PATH}/review-queue/${encodeURIComponent(resourceId)}`, input, ReviewOutcome);
}

export function useReviewResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewResource,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: moderationKeys.reviewQueue }), queryClient.invalidateQueries({ queryKey: queryKeys.resources })]),
  });
}
