import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OwnProfile, type SetOptionalFieldRequest } from '@lesplein/contracts/profile';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

/** PUT /api/account/profile/optional — stores an optional field together with the member's consent. */
export function setOptionalField(input: SetOptionalFieldRequest): Promise<OwnProfile> {
  return api.put('/api/account/profile/optional', input, OwnProfile);
}

export function useSetOptionalField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setOptionalField,
    onSuccess: async (profile) => {
      queryClient.setQueryData(queryKeys.ownProfile, profile);
      await queryClient.invalidateQueries({ queryKey: queryKeys.publicProfile(profile.handle) });
    },
  });
}
