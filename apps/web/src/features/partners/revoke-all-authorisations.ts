import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WithdrawnCount } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { AUTHORISATIONS_PATH, partnerKeys } from './partner-keys';

/** DELETE /api/account/authorisations — withdraws every authorisation. */
export function revokeAllAuthorisations(): Promise<WithdrawnCount> {
  return api.delete(AUTHORISATIONS_PATH, WithdrawnCount);
}

export function useRevokeAllAuthorisations() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeAllAuthorisations, onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.authorisations }) });
}
