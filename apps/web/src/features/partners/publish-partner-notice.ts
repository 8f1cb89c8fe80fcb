import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminPartnerView, type PartnerNoticeInput } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { adminPartnerPath, partnerKeys } from './partner-keys';

/** POST /api/admin/partners/:id/notices — a new version of the privacy notice (members consent again). */
export function publishPartnerNotice({ id, notice }: { id: string; notice: PartnerNoticeInput }): Promise<AdminPartnerView> {
  return api.post(`${adminPartnerPath(id)}/notices`, notice, AdminPartnerView);
}

export function usePublishPartnerNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishPartnerNotice,
    onSuccess: (partner) => {
      queryClient.setQueryData(partnerKeys.adminPartner(partner.id), partner);
      return Promise.all([queryClient.invalidateQueries({ queryKey: partnerKeys.adminList }), queryClient.invalidateQueries({ queryKey: partnerKeys.directory })]);
    },
  });
}
