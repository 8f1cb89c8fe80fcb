import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient } from './factories/members.js';
import { publishedLinkResource } from './factories/resources.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

describe('my data', () => {
  it('lists every kind of record held about the member, with purpose, legal basis, retention and counts', async () => {
    const { client } = await memberWithClient(t);
    const { client: other } = await memberWithClient(t);
    const resource = await publishedLinkResource(client, { title: 'Mijn eigen bron' });
    await publishedLinkResource(client, { title: 'Nog een bron' });
    await client.put(`/api/resources/${resource.id}/favourite`);
    await other.put(`/api/resources/${resource.id}/favourite`);
    await publishedLinkResource(other, { title: 'Van iemand anders' });

    const response = await client.get('/api/account/my-data');
    expect(response.status).toBe(200);
    const byModel = Object.fromEntries((response.body.categories as { model: string; rows: number }[]).map((category) => [category.model, category.rows]));
    expect(byModel.Member).toBe(1);
    expect(byModel.Resource).toBe(2);
    expect(byModel.Favourite).toBe(1);
    // Logging in left a session and a log-in history entry.
    expect(byModel.Session).toBeGreaterThanOrEqual(1);
    expect(byModel.LoginHistoryEntry).toBeGreaterThanOrEqual(1);
    // Nothing the member has no record in.
    expect(byModel.BanEntry).toBeUndefined();
    const member = response.body.categories.find((category: { model: string }) => category.model === 'Member');
    expect(member.fields).toContainEqual({ field: 'email', purpose: 'log-in, notifications', basis: 'contract', retention: 'until account deletion', atDeletion: 'erase' });
    expect(response.body.recipients).toEqual([]);
  });

  it('names the partners that receive data with the member\'s consent, and which categories', async () => {
    const { member, client } = await memberWithClient(t);
    const [partner] = await t.sql<{ id: string }>(
      `INSERT INTO "Partner" (id, name, "legalName", address, "contactEmail", "dpoEmail", "websiteUrl", "privacyPolicyUrl", "clientId", "redirectUris", "allowedScopes", "updatedAt")
       VALUES (gen_random_uuid(), 'Leesland', 'Leesland NV', 'Gent', 'info@leesland.example', 'dpo@leesland.example', 'https://leesland.example', 'https://leesland.example/privacy', 'lp_test', '{https://leesland.example/cb}', '{openid,profile}', now()) RETURNING id`,
    );
    const [notice] = await t.sql<{ id: string }>(
      `INSERT INTO "PartnerNotice" (id, "partnerId", version, "serviceDescription", purposes, "dataCategories", retention, "storageLocation", "subProcessors") VALUES (gen_random_uuid(), $1, 1, 'Lezen', 'Account', '{openid,profile}', '1 jaar', 'EU', '{}') RETURNING id`,
      [partner!.id],
    );
    await t.sql(
      `INSERT INTO "PartnerConsent" (id, "memberId", subject, "partnerId", "noticeId", "grantedScopes", "refusedScopes", "consentTextHash", language) VALUES (gen_random_uuid(), $1, 'sub', $2, $3, '{openid,profile}', '{}', 'h', 'nl')`,
      [member.id, partner!.id, notice!.id],
    );
    const body = (await client.get('/api/account/my-data')).body;
    expect(body.recipients).toEqual([{ partnerId: partner!.id, partnerName: 'Leesland', categories: ['openid', 'profile'], grantedAt: expect.any(String) }]);
    expect(body.categories.find((category: { model: string }) => category.model === 'PartnerConsent').rows).toBe(1);
  });

  it('is for the signed-in member only', async () => {
    expect((await t.client().get('/api/account/my-data')).status).toBe(401);
  });
});
