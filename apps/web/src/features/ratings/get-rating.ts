import { queryOptions, useQuery } from '@tanstack/react-query';
import { RatingSummary } from '@lesplein/contracts/rating';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/resources/:id/rating — average, count and my own score. */
export function getRating(resourceId: string, signal?: AbortSignal): Promise<RatingSummary> {
  return api.get(`/api/resources/${encodeURIComponent(resourceId)}/rating`, RatingSummary, signal);
}

export function ratingQuery(resourceId: string) {
  return queryOptions({ queryKey: queryKeys.rating(resourceId), queryFn: ({ signal }) => getRating(resourceId, signal) });
}

export function useRating(resourceId: string, enabled = true) {
  return useQuery({ ...ratingQuery(resourceId), enabled });
}
