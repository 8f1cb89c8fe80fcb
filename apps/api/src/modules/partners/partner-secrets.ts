import { randomBytes } from 'node:crypto';
import type { Keys } from '../../core/crypto/keys.js';

const PURPOSE = 'partner-client-secret';

/**
 * Client secrets are kept encrypted (not hashed): the OpenID Connect provider compares the secret
 * it receives with the registered one, and may use it as an HMAC key for signed requests.
 */
export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sealClientSecret(keys: Keys, secret: string): string {
  return keys.encrypt(PURPOSE, secret);
}

export function openClientSecret(keys: Keys, sealed: string): string {
  return keys.decrypt(PURPOSE, sealed);
}

/** A client id that says nothing about the partner. */
export function newClientId(): string {
  return `lp_${randomBytes(12).toString('base64url')}`;
}
