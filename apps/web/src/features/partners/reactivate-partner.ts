import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminPartnerView } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { adminPartnerPath, partnerKeys } from './partner-keys';

/** POST /api/admin/partners/:id/reactivate — the partner may ask members for consent again. */
export function reactivatePartner(id: string): Promise<AdminPartnerView> {
  return api.post(`${adminPartnerPath(id)}/reactivate`, undefined, AdminPartnerView);
}

export function useReactivatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reactivatePartner,
    onSuccess: (partner) => {
      queryClient.setQueryData(partnerKeys.adminPartner(partner.id), partner);
      return Promise.all([queryClient.invalidateQueries({ queryKey: partnerKeys.adminList }), queryClient.invalidateQueries({ queryKey: partnerKeys.directory })]);
    },
  });
}
