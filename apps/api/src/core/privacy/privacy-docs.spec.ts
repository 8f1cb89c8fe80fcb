import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInventory } from './pii-inventory.js';
import { PRIVACY_DOCS, renderDataInventory, renderProcessingRegister } from './privacy-docs.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const prismaDir = path.resolve(here, '..', '..', '..', 'prisma');
const docsDir = path.resolve(here, '..', '..', '..', '..', '..', 'docs', 'privacy');

describe('the privacy docs generated from the schema', () => {
  const fields = readInventory(prismaDir);

  it('list every tagged field and group the purposes', () => {
    const inventory = renderDataInventory(fields);
    expect(inventory).toContain('## Member');
    expect(inventory).toMatch(/\| `email` \| erased with the account \| log-in, notifications \| contract \|/);
    const register = renderProcessingRegister(fields);
    expect(register).toMatch(/\| proof of consent: who consented \| legal obligation/);
    expect(register).toContain('PartnerConsent.memberId');
  });

  it.each(Object.entries(PRIVACY_DOCS))('docs/privacy/%s is up to date (run `npm run privacy:docs`)', (file, render) => {
    const current = fs.existsSync(path.join(docsDir, file)) ? fs.readFileSync(path.join(docsDir, file), 'utf8') : '';
    expect(current, `docs/privacy/${file} is stale: run npm run privacy:docs`).toBe(render(fields));
  });
});
