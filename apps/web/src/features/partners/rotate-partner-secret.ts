import { useMutation } from '@tanstack/react-query';
import { PartnerCredentials } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { adminPartnerPath } from './partner-keys';

/** POST /api/admin/partners/:id/secret — a new client secret, shown only in this answer. */
export function rotatePartnerSecret(id: string): Promise<PartnerCredentials> {
  return api.post(`${adminPartnerPath(id)}/secret`, undefined, PartnerCredentials);
}

export function useRotatePartnerSecret() {
  return useMutation({ mutationFn: rotatePartnerSecret });
}
