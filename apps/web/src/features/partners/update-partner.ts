import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminPartnerView, type UpdatePartnerRequest } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { adminPartnerPath, partnerKeys } from './partner-keys';

/** PATCH /api/admin/partners/:id — identity, redirect URIs or allowed categories. */
export function updatePartner({ id, changes }: { id: string; changes: UpdatePartnerRequest }): Promise<AdminPartnerView> {
  return api.patch(adminPartnerPath(id), changes, AdminPartnerView);
}

export function useUpdatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePartner,
    onSuccess: (partner) => {
      queryClient.setQueryData(partnerKeys.adminPartner(partner.id), partner);
      return Promise.all([queryClient.invalidateQueries({ queryKey: partnerKeys.adminList }), queryClient.invalidateQueries({ queryKey: partnerKeys.directory })]);
    },
  });
}
