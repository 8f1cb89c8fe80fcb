import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { StatsView } from '@lesplein/contracts/stats';
import { api } from '../../lib/api-client';
import { ADMIN_STATS_PATH, administrationKeys } from './administration-keys';

/** GET /api/admin/stats?from=YYYY-MM&to=YYYY-MM — counts per month, 1 to 9 suppressed as null (admins). */
export function getStats(from: string, to: string, signal?: AbortSignal): Promise<StatsView> {
  return api.get(`${ADMIN_STATS_PATH}?${new URLSearchParams({ from, to }).toString()}`, StatsView, signal);
}

export const statsQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: administrationKeys.stats(from, to),
    queryFn: ({ signal }) => getStats(from, to, signal),
  });

/** The previous range stays on screen while another loads. */
export function useStats(from: string, to: string) {
  return useQuery({ ...statsQuery(from, to), placeholderData: keepPreviousData });
}
