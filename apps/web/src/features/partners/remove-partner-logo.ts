import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminPartnerView } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { adminPartnerPath, partnerKeys } from './partner-keys';

/** DELETE /api/admin/partners/:id/logo — removes the logo (members then see the name only). */
export function removePartnerLogo(id: string): Promise<AdminPartnerView> {
  return api.delete(`${adminPartnerPath(id)}/logo`, AdminPartnerView);
}

export function useRemovePartnerLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removePartnerLogo,
    onSuccess: (partner) => {
      queryClient.setQueryData(partnerKeys.adminPartner(partner.id), partner);
      return Promise.all([queryClient.invalidateQueries({ queryKey: partnerKeys.adminList }), queryClient.invalidateQueries({ queryKey: partnerKeys.directory })]);
    },
  });
}
