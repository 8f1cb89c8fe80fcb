import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminPartnerView } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { adminPartnerPath, partnerKeys } from './partner-keys';

/** What the API takes as a logo (it re-encodes it as a WebP of at most 256 px without metadata). */
export const partnerLogoTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const maxPartnerLogoBytes = 5 * 1024 * 1024;

export type PartnerLogoProblem = 'type' | 'size' | null;

/** Checks a chosen file before it is sent: type and size as the API accepts them. */
export function checkPartnerLogo(file: Pick<File, 'type' | 'size'>): PartnerLogoProblem {
  if (!(partnerLogoTypes as readonly string[]).includes(file.type)) return 'type';
  if (file.size > maxPartnerLogoBytes) return 'size';
  return null;
}

export interface UploadPartnerLogo {
  id: string;
  file: Blob;
  /** Bytes sent so far and in all. */
  onProgress?: (loaded: number, total: number) => void;
}

/** PUT /api/admin/partners/:id/logo — the raw image with its own type; sent with XMLHttpRequest for progress. */
export function uploadPartnerLogo({ id, file, onProgress }: UploadPartnerLogo): Promise<AdminPartnerView> {
  return api.upload(`${adminPartnerPath(id)}/logo`, {
    method: 'PUT',
    body: file,
    contentType: file.type,
    schema: AdminPartnerView,
    ...(onProgress ? { onProgress } : {}),
  });
}

export function useUploadPartnerLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadPartnerLogo,
    onSuccess: (partner) => {
      queryClient.setQueryData(partnerKeys.adminPartner(partner.id), partner);
      return Promise.all([queryClient.invalidateQueries({ queryKey: partnerKeys.adminList }), queryClient.invalidateQueries({ queryKey: partnerKeys.directory })]);
    },
  });
}
