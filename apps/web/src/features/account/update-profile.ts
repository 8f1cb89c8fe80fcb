import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OwnProfile, type UpdateProfileRequest } from '@lesplein/contracts/profile';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** PATCH /api/account/profile — changes the given fields and visibility settings. */
export function updateProfile(input: UpdateProfileRequest): Promise<OwnProfile> {
  return api.patch('/api/account/profile', input, OwnProfile);
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: async (profile) => {
      queryClient.setQueryData(queryKeys.ownProfile, profile);
      await queryClient.invalidateQueries({ queryKey: queryKeys.currentMember });
      await queryClient.invalidateQueries({ queryKey: queryKeys.publicProfile(profile.handle) });
    },
  });
}
