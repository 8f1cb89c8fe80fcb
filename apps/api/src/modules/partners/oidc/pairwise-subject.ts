import type { Keys } from '../../../core/crypto/keys.js';

/**
 * The identifier a partner knows a member by: an HMAC of the member id and the partner's client
 * id with a server key, so two partners cannot correlate a member and nobody can reverse it.
 */
export function pairwiseSubject(keys: Keys, memberId: string, clientId: string): string {
  return keys.hmac('oidc-pairwise-subject', `${clientId}:${memberId}`);
}
