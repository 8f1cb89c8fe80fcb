import { queryOptions, useQuery } from '@tanstack/react-query';
import { UploadLimits } from '@lesplein/contracts/resource';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/account/upload-limits — largest file, quota and how much of it the member uses. */
export function getUploadLimits(signal?: AbortSignal): Promise<UploadLimits> {
  return api.get('/api/account/upload-limits', UploadLimits, signal);
}

export const uploadLimitsQuery = queryOptions({
  queryKey: queryKeys.uploadLimits,
  queryFn: ({ signal }) => getUploadLimits(signal),
});

export function useUploadLimits() {
  return useQuery(uploadLimitsQuery);
}
