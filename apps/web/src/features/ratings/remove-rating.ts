import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RatingSummary } from '@lesplein/contracts/rating';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** DELETE /api/resources/:id/rating — takes my score back. */
export function removeRating(resourceId: string): Promise<RatingSummary> {
  return api.delete(`/api/resources/${encodeURIComponent(resourceId)}/rating`, RatingSummary);
}

export function useRemoveRating() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeRating,
    onSuccess: (summary, resourceId) => queryClient.setQueryData(queryKeys.rating(resourceId), summary),
  });
}
