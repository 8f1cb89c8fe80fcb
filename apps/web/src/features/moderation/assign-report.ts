import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignReportRequest } from '@lesplein/contracts/moderation';
import { api } from '../../lib/api-client';
import { MODERATION_PATH, moderationKeys } from './moderation-keys';

/** PUT /api/moderation/reports/:id/assignee — take an open report, or give it back (204). */
export function assignReport({ id, assignToMe }: { id: string } & AssignReportRequest): Promise<void> {
  return api.put(`${MODERATION_PATH}/reports/${encodeURIComponent(id)}/assignee`, { assignToMe } satisfies AssignReportRequest);
}

export function useAssignReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignReport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.reports }),
  });
}
