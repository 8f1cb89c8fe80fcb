import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OwnProfile, type OptionalField } from '@lesplein/contracts/profile';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** DELETE /api/account/profile/optional/:field — withdraws consent; the API erases the value. */
export function withdrawOptionalField(field: OptionalField): Promise<OwnProfile> {
  return api.delete(`/api/account/profile/optional/${encodeURIComponent(field)}`, OwnProfile);
}

export function useWithdrawOptionalField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawOptionalField,
    onSuccess: async (profile) => {
      queryClient.setQueryData(queryKeys.ownProfile, profile);
      await queryClient.invalidateQueries({ queryKey: queryKeys.publicProfile(profile.handle) });
    },
  });
}
