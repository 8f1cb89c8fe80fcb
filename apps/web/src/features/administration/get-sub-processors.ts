import { queryOptions, useQuery } from '@tanstack/react-query';
import { SubProcessorsPage } from '@lesplein/contracts/incident';
import { api } from '../../lib/api-client';
import { SUB_PROCESSORS_PATH, administrationKeys } from './administration-keys';

/** GET /api/sub-processors — the operator, its sub-processors and the active partners (public). */
export function getSubProcessors(signal?: AbortSignal): Promise<SubProcessorsPage> {
  return api.get(SUB_PROCESSORS_PATH, SubProcessorsPage, signal);
}

export const subProcessorsQuery = queryOptions({
  queryKey: administrationKeys.subProcessors,
  queryFn: ({ signal }) => getSubProcessors(signal),
});

export function useSubProcessors() {
  return useQuery(subProcessorsQuery);
}
