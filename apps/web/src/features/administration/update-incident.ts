import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IncidentView, type IncidentInput } from '@lesplein/contracts/incident';
import { api } from '../../lib/api-client';
import { adminIncidentPath, administrationKeys } from './administration-keys';

/** PUT /api/admin/incidents/:id — replace the whole entry (admins; audited). */
export function updateIncident({ id, input }: { id: string; input: IncidentInput }): Promise<IncidentView> {
  return api.put(adminIncidentPath(id), input, IncidentView);
}

export function useUpdateIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateIncident,
    onSuccess: (incident) => {
      queryClient.setQueryData(administrationKeys.incident(incident.id), incident);
      return queryClient.invalidateQueries({ queryKey: [...administrationKeys.incidents, 'list'] });
    },
  });
}
