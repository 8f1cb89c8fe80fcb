import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiPackageDir } from '../../../core/database/migrations.js';
import { readInventory, type SchemaField } from '../../../core/privacy/pii-inventory.js';
import { buildDeletionPlan, COMPANION_FIELDS, NON_FK_LINKS, SPECIAL_LINKS } from './deletion-plan.js';

const fields = readInventory(path.join(apiPackageDir, 'prisma'));
const plan = buildDeletionPlan(fields);
const link = (model: string, name: string): SchemaField => ({ model, name, type: 'String', personal: 'links to a member', uuid: true });

describe('the account deletion plan, from the @pii tags', () => {
  it('has a step for every member link tagged erase or detach, by its tag', () => {
    const links = fields.filter((field) => field.personal === 'links to a member' || (NON_FK_LINKS as readonly string[]).includes(`${field.model}.${field.name}`));
    expect(links.length).toBeGreaterThan(30);
    for (const field of links) {
      const key = `${field.model}.${field.name}`;
      if (SPECIAL_LINKS[key] || field.pii?.action === 'retain') continue;
      expect(plan.map((step) => step.key), key).toContain(`${field.pii!.action === 'erase' ? 'delete' : 'detach'}:${key}`);
    }
    expect(plan.find((step) => step.key === 'delete:ResourceView.memberId')).toMatchObject({ kind: 'delete', link: { table: 'ResourceView', column: 'memberId', uuid: true } });
    expect(plan.find((step) => step.key === 'detach:Resource.hiddenById')).toMatchObject({ kind: 'detach' });
    expect(plan.find((step) => step.key === 'delete:OidcPayload.accountId')).toMatchObject({ link: { uuid: false } });
  });

  it('names only links and companion fields that exist and are tagged', () => {
    const byKey = new Map(fields.map((field) => [`${field.model}.${field.name}`, field]));
    for (const key of [...Object.keys(SPECIAL_LINKS), ...Object.keys(COMPANION_FIELDS), ...NON_FK_LINKS]) {
      expect(byKey.get(key)?.pii, key).toBeDefined();
    }
  });

  it('keeps the fixed order: queued payloads, partners and contributions first, the ledger and the member row last', () => {
    const keys = plan.map((step) => step.key);
    expect(keys.slice(0, 4)).toEqual(['job-payloads', 'partners', 'contributions', 'mentions']);
    expect(keys.slice(-5)).toEqual(['former-handle', 'job-payloads-again', 'farewell-mail', 'ledger', 'member-row']);
    expect(keys).toContain('ratings');
    expect(keys).toContain('conversations');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses a member link without a tag, an anonymise tag without a rule, and a kept field nobody clears', () => {
    expect(() => buildDeletionPlan([...fields, link('Gadget', 'ownerId')])).toThrow(/Gadget.ownerId has no @pii tag/);
    expect(() => buildDeletionPlan([...fields, { ...link('Gadget', 'ownerId'), pii: { action: 'anonymise', purpose: '', basis: '', retention: '' } }])).toThrow(/anonymise but has no rule/);
    expect(() =>
      buildDeletionPlan([
        ...fields,
        { ...link('Gadget', 'ownerId'), pii: { action: 'detach', purpose: '', basis: '', retention: '' } },
        { model: 'Gadget', name: 'nickname', type: 'String', pii: { action: 'erase', purpose: '', basis: '', retention: '' } },
      ]),
    ).toThrow(/Gadget.nickname is tagged erase but no rule clears it/);
  });
});
