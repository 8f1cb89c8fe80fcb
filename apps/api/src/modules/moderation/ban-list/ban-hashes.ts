import type { Keys } from '../../../core/crypto/keys.js';
import type { Tx } from '../../../core/database/prisma.service.js';
import { emailForms, type EmailForms } from './canonical-email.js';

/** HKDF purpose of the keyed hashes of banned addresses (both forms use the same key, so they compare). */
export const BAN_LIST_HASH_PURPOSE = 'ban-list-email';
/** HKDF purpose of the encryption key of addresses kept on the ban list. */
export const BAN_LIST_SEAL_PURPOSE = 'ban-list-address';

export interface BanHashes {
  exactHash: string;
  canonicalHash: string;
}

export function hashForms(keys: Keys, forms: EmailForms): BanHashes {
  return { exactHash: keys.hmac(BAN_LIST_HASH_PURPOSE, forms.exact), canonicalHash: keys.hmac(BAN_LIST_HASH_PURPOSE, forms.canonical) };
}

/**
 * The keyed hashes an address is looked up by on the ban list; null when it is not an address
 * (nothing that is not an address can be banned). Used by registration, log-in, e-mail change
 * and password reset: an address is banned when its exact hash or its canonical hash is on the list.
 */
export function banHashesOf(keys: Keys, email: string): BanHashes | null {
  const forms = emailForms(email);
  return forms ? hashForms(keys, forms) : null;
}

/** Where an address is looked up (MembersRepository.isBanned, in the caller's transaction when given). */
export interface BanLookup {
  isBanned(hashes: BanHashes, tx?: Tx): Promise<boolean>;
}

/** Whether the address is on the ban list (exact or canonical form). */
export async function addressIsBanned(keys: Keys, lookup: BanLookup, email: string, tx?: Tx): Promise<boolean> {
  const hashes = banHashesOf(keys, email);
  return hashes !== null && (await lookup.isBanned(hashes, tx));
}
