import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ProfileUsageSettings, type UpdateProfileUsageSettings } from '@lesplein/contracts/profile';
import { api } from '../../lib/api-client';
import { profileUsageKey } from './get-profile-usage';

/** PATCH /api/account/profile-usage — changes the given choices only; answers with all of them. */
export function updateProfileUsage(input: UpdateProfileUsageSettings): Promise<ProfileUsageSettings> {
  return api.patch('/api/account/profile-usage', input, ProfileUsageSettings);
}

export function useUpdateProfileUsage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfileUsage,
    onSuccess: async (settings) => {
      queryClient.setQueryData(profileUsageKey, settings);
      // What my profile shows to others changed (lists, counts, follows).
      await queryClient.invalidateQueries({ queryKey: ['members'] });
    },
  });
}
