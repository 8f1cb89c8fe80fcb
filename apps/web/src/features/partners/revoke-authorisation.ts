import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WithdrawnCount } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { AUTHORISATIONS_PATH, partnerKeys } from './partner-keys';

/** DELETE /api/account/authorisations/:consentId — the partner's tokens end at once. */
export function revokeAuthorisation(consentId: string): Promise<WithdrawnCount> {
  return api.delete(`${AUTHORISATIONS_PATH}/${encodeURIComponent(consentId)}`, WithdrawnCount);
}

export function useRevokeAuthorisation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeAuthorisation, onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.authorisations }) });
}
