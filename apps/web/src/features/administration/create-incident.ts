import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IncidentView, type IncidentInput } from '@lesplein/contracts/incident';
import { api } from '../../lib/api-client';
import { ADMIN_INCIDENTS_PATH, administrationKeys } from './administration-keys';

/** POST /api/admin/incidents — register an incident (admins; audited). */
export function createIncident(input: IncidentInput): Promise<IncidentView> {
  return api.post(ADMIN_INCIDENTS_PATH, input, IncidentView);
}

export function useCreateIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createIncident,
    onSuccess: (incident) => {
      queryClient.setQueryData(administrationKeys.incident(incident.id), incident);
      return queryClient.invalidateQueries({ queryKey: [...administrationKeys.incidents, 'list'] });
    },
  });
}
