import { useMutation } from '@tanstack/react-query';
import { ConsentRedirect, type ConsentDecision } from '@lesplein/contracts/partner';
import { api } from '../../lib/api-client';
import { consentPath } from './partner-keys';

/**
 * POST /api/partner-consent/:uid/decision — allow (the ticked categories) or refuse; answers
 * where the browser goes next (back into the provider, which redirects to the partner).
 */
export function decideConsent({ uid, decision }: { uid: string; decision: ConsentDecision }): Promise<ConsentRedirect> {
  return api.post(`${consentPath(uid)}/decision`, decision, ConsentRedirect);
}

export function useDecideConsent() {
  return useMutation({ mutationFn: decideConsent });
}
