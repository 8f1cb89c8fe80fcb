import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminPartnerView } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { adminPartnerPath, partnerKeys } from './partner-keys';

/** POST /api/admin/partners/:id/suspend — suspends the partner and withdraws every consent given to it. */
export function suspendPartner(id: string): Promise<AdminPartnerView> {
  return api.post(`${adminPartnerPath(id)}/suspend`, undefined, AdminPartnerView);
}

export function useSuspendPartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: suspendPartner,
    onSuccess: (partner) => {
      queryClient.setQueryData(partnerKeys.adminPartner(partner.id), partner);
      return Promise.all([queryClient.invalidateQueries({ queryKey: partnerKeys.adminList }), queryClient.invalidateQueries({ queryKey: partnerKeys.directory })]);
    },
  });
}
