import type { Keys } from '../../core/crypto/keys.js';

/** A URL-safe handle from a member's name: "Ann De Smet" → "ann-de-smet". */
export function handleFromName(firstName: string, lastName: string): string {
  const base = `${firstName} ${lastName}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base || 'lid';
}

/** The keyed hash kept of a deleted member's handle: its profile URL answers 410, and nobody gets it again. */
export const formerHandleHash = (keys: Keys, handle: string) => keys.hmac('former-handle', handle.toLowerCase());
