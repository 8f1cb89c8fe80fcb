import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OwnProfile } from '@lesplein/contracts/profile';
import { api } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const maxPhotoBytes = 5 * 1024 * 1024;

export type PhotoProblem = 'type' | 'size' | null;

/** Checks a chosen file before it is sent: type and size as the API accepts them. */
export function checkPhoto(file: Pick<File, 'type' | 'size'>): PhotoProblem {
  if (!(photoTypes as readonly string[]).includes(file.type)) return 'type';
  if (file.size > maxPhotoBytes) return 'size';
  return null;
}

/** PUT /api/account/profile/photo?consent=true — the raw image; uploading it records consent. */
export function uploadPhoto(file: Blob): Promise<OwnProfile> {
  return api.request('/api/account/profile/photo?consent=true', {
    method: 'PUT',
    raw: { body: file, contentType: file.type },
    schema: OwnProfile,
  });
}

export function useUploadPhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadPhoto,
    onSuccess: async (profile) => {
      queryClient.setQueryData(queryKeys.ownProfile, profile);
      await queryClient.invalidateQueries({ queryKey: queryKeys.publicProfile(profile.handle) });
    },
  });
}
