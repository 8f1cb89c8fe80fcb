import { queryOptions, useQuery } from '@tanstack/react-query';
import { IncidentList } from '@lesplein/contracts/incident';
import { api } from '../../lib/api-client';
import { ADMIN_INCIDENTS_PATH, administrationKeys, type IncidentStatusFilter } from './administration-keys';

/** GET /api/admin/incidents?status — the incident register, most recently found first (admins). */
export function listIncidents(status: IncidentStatusFilter, signal?: AbortSignal): Promise<IncidentList> {
  return api.get(status ? `${ADMIN_INCIDENTS_PATH}?status=${status}` : ADMIN_INCIDENTS_PATH, IncidentList, signal);
}

export const incidentsQuery = (status: IncidentStatusFilter) =>
  queryOptions({
    queryKey: administrationKeys.incidentList(status),
    queryFn: ({ signal }) => listIncidents(status, signal),
  });

export function useIncidents(status: IncidentStatusFilter) {
  return useQuery(incidentsQuery(status));
}
