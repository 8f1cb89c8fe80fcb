import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInventory } from './pii-inventory.js';

const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'prisma');

describe('data inventory in the Prisma schema', () => {
  const fields = readInventory(prismaDir);

  it('reads the schema', () => {
    expect(fields.find((f) => f.model === 'Member' && f.name === 'email')?.pii?.action).toBe('erase');
    expect(fields.find((f) => f.model === 'Session' && f.name === 'memberId')?.personal).toBe('links to a member');
  });

  it('tags every field that holds personal data or links to a member', () => {
    const untagged = fields.filter((f) => f.personal && !f.pii).map((f) => `${f.model}.${f.name} (${f.personal})`);
    expect(untagged, `Add a /// @pii tag (see docs/CONVENTIONS.md) to:\n${untagged.join('\n')}`).toEqual([]);
  });

  it('gives every tag a valid action, purpose, legal basis and retention', () => {
    for (const field of fields.filter((f) => f.pii)) {
      expect(['erase', 'anonymise', 'detach', 'retain'], `${field.model}.${field.name}`).toContain(field.pii!.action);
      expect(field.pii!.purpose, `${field.model}.${field.name} purpose`).not.toBe('');
      expect(field.pii!.basis, `${field.model}.${field.name} basis`).not.toBe('');
      expect(field.pii!.retention, `${field.model}.${field.name} retention`).not.toBe('');
    }
  });
});
