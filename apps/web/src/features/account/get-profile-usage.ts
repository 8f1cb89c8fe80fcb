import { queryOptions, useQuery } from '@tanstack/react-query';
import { ProfileUsageSettings } from '@lesplein/contracts/profile';
import { api } from '../../lib/api-client';

export const profileUsageKey = ['account', 'profile-usage'] as const;

/** GET /api/account/profile-usage — which usage data my public profile shows. */
export function getProfileUsage(signal?: AbortSignal): Promise<ProfileUsageSettings> {
  return api.get('/api/account/profile-usage', ProfileUsageSettings, signal);
}

export function useProfileUsage() {
  return useQuery(queryOptions({ queryKey: profileUsageKey, queryFn: ({ signal }) => getProfileUsage(signal) }));
}
