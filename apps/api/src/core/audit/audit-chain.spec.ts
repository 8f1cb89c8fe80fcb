import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH, verifyRows, type ChainRow } from './audit-chain.js';

function chain(count: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const fields = { at: new Date(Date.UTC(2026, 10, 23, 12, 0, i)), actorId: null, actorRole: 'admin', action: 'partner.suspended', targetType: 'partner', targetId: `p${i}`, details: { b: 1, a: [i] } };
    const hash = entryHash(prev, fields);
    rows.push({ seq: BigInt(i), ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('the audit hash chain', () => {
  it('hashes objects independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
  });

  it('accepts an intact chain and names the first altered, removed or inserted entry', () => {
    const rows = chain(4);
    expect(verifyRows(rows, GENESIS_HASH)).toEqual({ lastHash: rows[3]!.hash, broken: null });
    const altered = rows.map((row) => (row.seq === 2n ? { ...row, targetId: 'other' } : row));
    expect(verifyRows(altered, GENESIS_HASH).broken).toEqual({ seq: '2', reason: 'entry was altered' });
    const removed = rows.filter((row) => row.seq !== 3n);
    expect(verifyRows(removed, GENESIS_HASH).broken).toEqual({ seq: '4', reason: 'previous hash does not match' });
  });
});
