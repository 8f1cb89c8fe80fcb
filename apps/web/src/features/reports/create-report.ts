import { useMutation } from '@tanstack/react-query';
import { ReportCreated, type CreateReportRequest } from '@lesplein/contracts/report';
import { api } from '../../lib/api-client';

/** POST /api/reports — reports a resource, comment, profile (by handle) or message to the moderators. */
export function createReport(input: CreateReportRequest): Promise<ReportCreated> {
  return api.post('/api/reports', input, ReportCreated);
}

export function useCreateReport() {
  return useMutation({ mutationFn: createReport });
}
