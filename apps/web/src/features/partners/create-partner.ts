import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PartnerCreated, type CreatePartnerRequest } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { ADMIN_PARTNERS_PATH, partnerKeys } from './partner-keys';

/** POST /api/admin/partners — registers a partner with notice version 1; the secret is in this answer only. */
export function createPartner(input: CreatePartnerRequest): Promise<PartnerCreated> {
  return api.post(ADMIN_PARTNERS_PATH, input, PartnerCreated);
}

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPartner,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: partnerKeys.admin }), queryClient.invalidateQueries({ queryKey: partnerKeys.directory })]),
  });
}
