import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { linkIn } from '@lesplein/testing/mail-catcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeletionJob } from '../src/modules/privacy/deletion/deletion-job.js';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { createMember, memberWithClient, signIn, staffMember, TEST_PASSWORD } from './factories/members.js';
import { publishedLinkResource } from './factories/resources.js';
import { waitUntil } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

const statusOf = async (memberId: string) => (await t.sql<{ status: string }>('SELECT status FROM "AccountDeletion" WHERE "memberId" = $1 ORDER BY "requestedAt" DESC LIMIT 1', [memberId]))[0]?.status;
const memberExists = async (memberId: string) => (await t.sql('SELECT 1 FROM "Member" WHERE id = $1', [memberId])).length > 0;
const tokenFrom = (text: string) => linkIn(text, '/account-deletion/').split('/account-deletion/')[1]!;

describe('asking to delete one\'s account', () => {
  it('deletes an account without contributions at once: the session ends, a last e-mail comes, the profile URL answers 410', async () => {
    const { member, client } = await memberWithClient(t);
    const response = await client.post('/api/account/deletion', { password: TEST_PASSWORD });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ status: 'running', contributions: 'keep_anonymous', cancellable: false });
    expect((await client.get('/api/auth/me')).status).toBe(401);
    await waitUntil(async () => !(await memberExists(member.id)), 20_000, 'the member row is deleted');
    await t.mail.waitFor(member.email, /Je account is verwijderd/);
    const profile = await t.client().get(`/api/members/${member.handle}`);
    expect(profile.status).toBe(410);
    expect(profile.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(profile.body.code).toBe('gone');
    const login = await t.client().post('/api/auth/login', { email: member.email, password: TEST_PASSWORD });
    expect(login.status).toBe(401);
    // The ledger keeps only a hash of the id, the logbook the request and the completion.
    expect(await t.sql('SELECT 1 FROM "DeletionLedgerEntry" WHERE "memberIdHash" = encode(sha256(convert_to($1, \'UTF8\')), \'hex\')', [member.id])).toHaveLength(1);
    const audit = await t.sql<{ action: string }>('SELECT action FROM "AuditEntry" WHERE "targetId" = $1 ORDER BY seq', [member.id]);
    expect(audit.map((row) => row.action)).toEqual(['member.deletion_requested', 'member.deleted']);
  });

  it('gives an account with contributions a grace period: locked, a cancel link by e-mail, and the cancel link unlocks it', async () => {
    const { member, client } = await memberWithClient(t);
    await publishedLinkResource(client, { title: 'Werkblad over vulkanen' });
    const response = await client.post('/api/account/deletion', { password: TEST_PASSWORD, contributions: 'remove' });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ status: 'scheduled', contributions: 'remove', cancellable: true });
    const days = (Date.parse(response.body.executeAfter) - Date.parse(response.body.requestedAt)) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    expect((await client.get('/api/auth/me')).status).toBe(401);

    const login = await t.client().post('/api/auth/login', { email: member.email, password: TEST_PASSWORD });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('account_deletion_pending');
    expect((await t.client().get(`/api/members/${member.handle}`)).status).toBe(404);

    const mail = await t.mail.waitFor(member.email, /Je account wordt verwijderd/);
    expect(mail.text).toMatch(/Je leermiddelen en reacties worden mee verwijderd/);
    const token = tokenFrom(mail.text);
    const status = await t.client().get(`/api/account-deletion/${token}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ status: 'scheduled', cancellable: true });

    // The job that claims due deletions leaves this one alone.
    await t.app.get(DeletionJob).startDue();
    expect(await statusOf(member.id)).toBe('scheduled');

    const cancelled = await t.client().post(`/api/account-deletion/${token}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellable: false });
    await t.mail.waitFor(member.email, /Verwijdering van je account geannuleerd/);
    expect((await signIn(t, member).then((c) => c.get('/api/auth/me'))).status).toBe(200);
    // The link is spent.
    expect((await t.client().post(`/api/account-deletion/${token}/cancel`)).status).toBe(404);
    expect((await t.client().get(`/api/account-deletion/${token}`)).status).toBe(404);
  });

  it('runs the deletion when the grace period ends, and the link can no longer cancel it', async () => {
    const { member, client } = await memberWithClient(t);
    await publishedLinkResource(client, { title: 'Kaartlezen' });
    expect((await client.post('/api/account/deletion', { password: TEST_PASSWORD })).status).toBe(202);
    const token = tokenFrom((await t.mail.waitFor(member.email, /Je account wordt verwijderd/)).text);
    await t.sql(`UPDATE "AccountDeletion" SET "executeAfter" = now() - interval '1 minute' WHERE "memberId" = $1`, [member.id]);
    const late = await t.client().post(`/api/account-deletion/${token}/cancel`);
    expect(late.status).toBe(409);
    expect(late.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await t.app.get(DeletionJob).startDue()).toBe(1);
    await waitUntil(async () => !(await memberExists(member.id)), 20_000, 'the member row is deleted');
    expect((await t.sql<{ status: string }>(`SELECT status FROM "AccountDeletion" WHERE status = 'completed' AND "cancelTokenHash" IS NULL AND "memberId" IS NULL`)).length).toBeGreaterThan(0);
    expect((await t.client().get(`/api/account-deletion/${token}`)).status).toBe(404);
  });

  it('needs the password, and the second factor when it is enabled', async () => {
    const { member, client } = await memberWithClient(t);
    for (const body of [{}, { password: '' }, { password: TEST_PASSWORD, contributions: 'burn' }, { password: TEST_PASSWORD, extra: 1 }]) {
      const response = await client.post('/api/account/deletion', body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    const wrong = await client.post('/api/account/deletion', { password: 'not-my-password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('invalid_credentials');

    const staff = await staffMember(t, 'moderator');
    const noCode = await staff.client.post('/api/account/deletion', { password: TEST_PASSWORD });
    expect(noCode.status).toBe(400);
    expect(noCode.body.code).toBe('second_factor_required');
    const badCode = await staff.client.post('/api/account/deletion', { password: TEST_PASSWORD, code: 'not-a-recovery-code' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.code).toBe('second_factor_invalid');
    // Nothing was started by the refused requests.
    expect(await t.sql('SELECT 1 FROM "AccountDeletion" WHERE "memberId" IN ($1, $2)', [member.id, staff.member.id])).toEqual([]);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('is for the signed-in member only; the cancel link is checked', async () => {
    expect((await t.client().post('/api/account/deletion', { password: TEST_PASSWORD })).status).toBe(401);
    const { client } = await memberWithClient(t);
    expect((await client.post('/api/account/deletion', { password: TEST_PASSWORD }, { csrf: false })).status).toBe(403);
    for (const token of ['kort', `${'x'.repeat(40)}.txt`, 'met spaties en tekens!!!!!!!!!!!!!!']) {
      const response = await t.client().get(`/api/account-deletion/${encodeURIComponent(token)}`);
      expect(response.status, `${token}: ${response.text}`).toBe(400);
    }
    expect((await t.client().get(`/api/account-deletion/${'a'.repeat(43)}`)).status).toBe(404);
    expect((await t.client().post(`/api/account-deletion/${'a'.repeat(43)}/cancel`)).status).toBe(404);
  });

  it('tells partners that received data with consent: a signed notice that the consent ended by account deletion', async () => {
    const notices: string[] = [];
    const receiver = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        notices.push(body);
        response.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const { member, client } = await memberWithClient(t);
      const port = (receiver.address() as AddressInfo).port;
      const [partner] = await t.sql<{ id: string }>(
        `INSERT INTO "Partner" (id, name, "legalName", address, "contactEmail", "dpoEmail", "websiteUrl", "privacyPolicyUrl", "notificationUrl", "clientId", "redirectUris", "allowedScopes", "updatedAt")
         VALUES (gen_random_uuid(), 'Leesland', 'Leesland NV', 'Gent', 'info@leesland.example', 'dpo@leesland.example', 'https://leesland.example', 'https://leesland.example/privacy', $1, 'lp_deletion', '{https://leesland.example/cb}', '{openid,profile}', now()) RETURNING id`,
        [`http://127.0.0.1:${port}/events`],
      );
      const [notice] = await t.sql<{ id: string }>(
        `INSERT INTO "PartnerNotice" (id, "partnerId", version, "serviceDescription", purposes, "dataCategories", retention, "storageLocation", "subProcessors") VALUES (gen_random_uuid(), $1, 1, 'Lezen', 'Account', '{openid,profile}', '1 jaar', 'EU', '{}') RETURNING id`,
        [partner!.id],
      );
      await t.sql(
        `INSERT INTO "PartnerConsent" (id, "memberId", subject, "partnerId", "noticeId", "grantedScopes", "refusedScopes", "consentTextHash", language) VALUES (gen_random_uuid(), $1, 'pairwise-subject-1', $2, $3, '{openid,profile}', '{}', 'h', 'nl')`,
        [member.id, partner!.id, notice!.id],
      );
      expect((await client.post('/api/account/deletion', { password: TEST_PASSWORD })).status).toBe(202);
      await waitUntil(() => notices.length === 1, 20_000, 'the partner is notified');
      const [, payload] = notices[0]!.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as { sub: string; aud: string; events: Record<string, { withdrawn_by: string }> };
      expect(claims.sub).toBe('pairwise-subject-1');
      expect(claims.aud).toBe('lp_deletion');
      expect(Object.values(claims.events)[0]!.withdrawn_by).toBe('account_deletion');
      await waitUntil(async () => !(await memberExists(member.id)), 20_000, 'the member row is deleted');
      // The consent stays as evidence towards the partner, without the member.
      expect(await t.sql('SELECT "memberId", subject FROM "PartnerConsent" WHERE "partnerId" = $1', [partner!.id])).toEqual([{ memberId: null, subject: 'pairwise-subject-1' }]);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('keeps a banned member\'s ban-list entry when their account is deleted', async () => {
    const { client: admin } = await staffMember(t, 'admin');
    const banned = await createMember(t);
    expect((await admin.post('/api/moderation/ban-list', { email: banned.email, reason: 'Herhaaldelijk spam', keepAddress: false })).status).toBe(201);
    const entriesBefore = await t.sql('SELECT id, "exactHash", "canonicalHash" FROM "BanEntry" ORDER BY id');
    expect(entriesBefore).toHaveLength(1);
    const [deletion] = await t.sql<{ id: string }>(`INSERT INTO "AccountDeletion" (id, "memberId", status, "executeAfter", "startedAt") VALUES (gen_random_uuid(), $1, 'running', now(), now()) RETURNING id`, [banned.id]);
    expect(await t.app.get(DeletionJob).run(deletion!.id)).toBe('completed');
    expect(await memberExists(banned.id)).toBe(false);
    expect(await t.sql('SELECT id, "exactHash", "canonicalHash" FROM "BanEntry" ORDER BY id')).toEqual(entriesBefore);
    const again = await t.client().post('/api/auth/register', { email: banned.email, password: TEST_PASSWORD, firstName: 'Nieuw', lastName: 'Lid' });
    expect(again.status).toBe(202);
    expect(await t.sql('SELECT 1 FROM "Member" WHERE email = $1', [banned.email])).toEqual([]);
  });

  it('never gives a deleted member\'s handle to someone else', async () => {
    const first = await memberWithClient(t, { firstName: 'Uniek', lastName: 'Handvat' });
    expect(first.member.handle).toBe('uniek-handvat');
    await first.client.post('/api/account/deletion', { password: TEST_PASSWORD });
    await waitUntil(async () => !(await memberExists(first.member.id)), 20_000, 'the member row is deleted');
    const second = await createMember(t, { firstName: 'Uniek', lastName: 'Handvat' });
    expect(second.handle).not.toBe('uniek-handvat');
    expect((await t.client().get('/api/members/uniek-handvat')).status).toBe(410);
    expect((await t.client().get(`/api/members/${second.handle}`)).status).toBe(200);
  });

  it('lets a member who has not accepted a substantial new privacy statement leave instead', async () => {
    const { client: admin } = await staffMember(t, 'admin');
    const published = await admin.post('/api/admin/privacy-policy/versions', { textNl: '# Privacy\n\nNieuw.', textEn: '# Privacy\n\nNew.', summaryNl: 'Nieuw.', summaryEn: 'New.', substantial: true });
    expect(published.status).toBe(201);
    const { member, client } = await memberWithClient(t);
    expect((await client.get('/api/account/my-data')).body.code).toBe('policy_acceptance_required');
    expect((await client.post('/api/account/deletion', { password: TEST_PASSWORD })).status).toBe(202);
    await waitUntil(async () => !(await memberExists(member.id)), 20_000, 'the member row is deleted');
  });
});
