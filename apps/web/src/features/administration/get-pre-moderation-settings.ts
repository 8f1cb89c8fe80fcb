import { queryOptions, useQuery } from '@tanstack/react-query';
import { PreModerationSettings } from '@lesplein/contracts/moderation';
import { api } from '../../lib/api-client';
import { PRE_MODERATION_PATH, administrationKeys } from './administration-keys';

/**
 * GET /api/admin/settings/pre-moderation — off, every new resource, or each member's first N
 * (admins). The API keeps it with the moderation module; the setting is the admins'.
 */
export function getPreModerationSettings(signal?: AbortSignal): Promise<PreModerationSettings> {
  return api.get(PRE_MODERATION_PATH, PreModerationSettings, signal);
}

export const preModerationSettingsQuery = queryOptions({
  queryKey: administrationKeys.preModeration,
  queryFn: ({ signal }) => getPreModerationSettings(signal),
});

export function usePreModerationSettings() {
  return useQuery(preModerationSettingsQuery);
}
