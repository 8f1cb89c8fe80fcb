import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PreModerationSettings } from '@lesplein/contracts/moderation';
import { api } from '../../lib/api-client';
import { PRE_MODERATION_PATH, administrationKeys } from './administration-keys';

/** PUT /api/admin/settings/pre-moderation — change the pre-moderation setting (admins; audited). */
export function updatePreModerationSettings(settings: PreModerationSettings): Promise<PreModerationSettings> {
  return api.put(PRE_MODERATION_PATH, settings, PreModerationSettings);
}

export function useUpdatePreModerationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreModerationSettings,
    onSuccess: (settings) => queryClient.setQueryData(administrationKeys.preModeration, settings),
  });
}
