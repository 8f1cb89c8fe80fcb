import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RatingSummary } from '@lesplein/contracts/rating';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** PUT /api/resources/:id/rating — gives or changes my score (1–5); 403 on my own resource. */
export function rateResource({ resourceId, score }: { resourceId: string; score: number }): Promise<RatingSummary> {
  return api.put(`/api/resources/${encodeURIComponent(resourceId)}/rating`, { score }, RatingSummary);
}

export function useRateResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rateResource,
    onSuccess: (summary, { resourceId }) => queryClient.setQueryData(queryKeys.rating(resourceId), summary),
  });
}
