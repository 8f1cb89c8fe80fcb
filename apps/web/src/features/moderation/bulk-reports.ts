import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BulkReportResult, type BulkReportRequest } from '@lesplein/contracts/moderation';
import { api } from '../../lib/api-client';
import { MODERATION_PATH, moderationKeys } from './moderation-keys';

/** POST /api/moderation/reports/bulk — dismiss, take or give back many open reports at once. */
export function bulkReports(input: BulkReportRequest): Promise<BulkReportResult> {
  return api.post(`${MODERATION_PATH}/reports/bulk`, input, BulkReportResult);
}

export function useBulkReports() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkReports,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.reports }),
  });
}
