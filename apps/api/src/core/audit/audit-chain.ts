import { createHash } from 'node:crypto';

/** The hash an empty logbook starts from. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every level, so the same value always hashes the same (JSONB reorders keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 over the previous entry's hash and every field of this entry. */
export function entryHash(prevHash: string, entry: ChainedFields): string {
  const fields = [entry.at.toISOString(), entry.actorId, entry.actorRole, entry.action, entry.targetType, entry.targetId, entry.details];
  return createHash('sha256').update(`${prevHash}\n${canonicalJson(fields)}`).digest('hex');
}

export interface ChainRow extends ChainedFields {
  seq: bigint;
  prevHash: string;
  hash: string;
}

export type ChainBreak = { seq: string; reason: 'previous hash does not match' | 'entry was altered' };

/** Checks rows in order; `previousHash` is the hash of the row before the first one given. */
export function verifyRows(rows: readonly ChainRow[], previousHash: string): { lastHash: string; broken: ChainBreak | null } {
  let expected = previousHash;
  for (const row of rows) {
    if (row.prevHash !== expected) return { lastHash: expected, broken: { seq: row.seq.toString(), reason: 'previous hash does not match' } };
    if (entryHash(row.prevHash, row) !== row.hash) return { lastHash: expected, broken: { seq: row.seq.toString(), reason: 'entry was altered' } };
    expected = row.hash;
  }
  return { lastHash: expected, broken: null };
}
