import { queryOptions, useQuery } from '@tanstack/react-query';
import { IncidentView } from '@lesplein/contracts/incident';
import { api } from '../../lib/api-client';
import { adminIncidentPath, administrationKeys } from './administration-keys';

/** GET /api/admin/incidents/:id — one entry of the incident register (admins). */
export function getIncident(id: string, signal?: AbortSignal): Promise<IncidentView> {
  return api.get(adminIncidentPath(id), IncidentView, signal);
}

export const incidentQuery = (id: string) =>
  queryOptions({
    queryKey: administrationKeys.incident(id),
    queryFn: ({ signal }) => getIncident(id, signal),
  });

export function useIncident(id: string) {
  return useQuery(incidentQuery(id));
}
