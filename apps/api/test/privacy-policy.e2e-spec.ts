import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, memberWithClient, moderatorClient, signIn } from './factories/members.js';
import type { HttpClient } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await moderatorClient(t, 'admin');
});
afterAll(() => t.close());

const version = (overrides: Partial<Record<string, unknown>> = {}) => ({
  textNl: '# Privacyverklaring\n\nWij verwerken je **e-mailadres** om je account te beheren.\n\n<script>alert(1)</script>',
  textEn: '# Privacy statement\n\nWe process your **e-mail address** to run your account.',
  summaryNl: 'Eerste versie.',
  summaryEn: 'First version.',
  substantial: false,
  ...overrides,
});

describe('privacy statement versions', () => {
  it('starts empty, then admins publish numbered versions that everyone can read (audited, sanitised HTML)', async () => {
    const empty = await t.client().get('/api/privacy-policy');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ current: null, versions: [] });

    const first = await admin.post('/api/admin/privacy-policy/versions', version());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 1, substantial: false, summaryNl: 'Eerste versie.', acceptances: 0, textEn: version().textEn });
    expect(first.body.publishedBy.displayName).toMatch(/^Test Lid /);
    const second = await admin.post('/api/admin/privacy-policy/versions', version({ summaryNl: 'Bewaartermijnen verduidelijkt.', summaryEn: 'Retention periods clarified.', textEn: '# Privacy statement v2' }));
    expect(second.body.version).toBe(2);

    const page = (await t.client().get('/api/privacy-policy')).body;
    expect(page.current).toMatchObject({ version: 2, summaryEn: 'Retention periods clarified.' });
    expect(page.current.htmlEn).toContain('<h3>Privacy statement v2</h3>');
    expect(page.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const earlier = await t.client().get('/api/privacy-policy/versions/1');
    expect(earlier.status).toBe(200);
    expect(earlier.body.htmlNl).toContain('<strong>e-mailadres</strong>');
    expect(earlier.body.htmlNl).not.toContain('<script');

    const list = (await admin.get('/api/admin/privacy-policy/versions')).body.items;
    expect(list.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const entries = (await admin.get('/api/admin/audit')).body.items.filter((e: { action: string }) => e.action === 'privacy_policy.published');
    expect(entries.map((e: { details: { version: number } }) => e.details.version)).toEqual([2, 1]);
  });

  it('refuses bad input, non-admins and unknown versions', async () => {
    const { client: member } = await memberWithClient(t);
    const moderator = await moderatorClient(t);
    expect((await t.client().get('/api/admin/privacy-policy/versions')).status).toBe(401);
    expect((await t.client().post('/api/admin/privacy-policy/versions', version())).status).toBe(401);
    expect((await member.get('/api/admin/privacy-policy/versions')).status).toBe(403);
    expect((await moderator.post('/api/admin/privacy-policy/versions', version())).status).toBe(403);
    for (const bad of [version({ textNl: '' }), version({ summaryEn: '   ' }), version({ substantial: 'ja' }), version({ publishedAt: '2026-01-01T00:00:00Z' }), { textNl: 'x' }]) {
      const response = await admin.post('/api/admin/privacy-policy/versions', bad);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await t.client().get('/api/privacy-policy/versions/999')).status).toBe(404);
    expect((await t.client().get('/api/privacy-policy/versions/nul')).status).toBe(400);
    expect((await t.client().get('/api/account/privacy-policy')).status).toBe(401);
    expect((await t.client().post('/api/account/privacy-policy/acceptances', { version: 1 })).status).toBe(401);
    const badAccept = await member.post('/api/account/privacy-policy/acceptances', { version: 'een' });
    expect(badAccept.status).toBe(400);
    expect(badAccept.headers.get('content-type')).toContain('application/problem+json');
    expect((await member.post('/api/account/privacy-policy/acceptances', { version: 999 })).status).toBe(404);
  });
});

describe('what changed, and the acceptance gate', () => {
  it('shows a member the versions since they last read it; marking the current one read empties the list', async () => {
    const { client } = await memberWithClient(t);
    const before = (await client.get('/api/account/privacy-policy')).body;
    const current = before.current.version as number;
    expect(before.lastSeenVersion).toBeNull();
    expect(before.changes.length).toBe(current);
    expect(before.acceptanceRequired).toBe(false);

    const read = await client.post('/api/account/privacy-policy/acceptances', { version: current });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ lastSeenVersion: current, changes: [], acceptanceRequired: false });
    // Accepting twice keeps one record; an older version cannot be accepted.
    expect((await client.post('/api/account/privacy-policy/acceptances', { version: current })).status).toBe(200);
    expect((await client.post('/api/account/privacy-policy/acceptances', { version: current - 1 })).status).toBe(409);

    await admin.post('/api/admin/privacy-policy/versions', version({ summaryNl: 'Kleine taalfout verbeterd.', summaryEn: 'Typo fixed.' }));
    const after = (await client.get('/api/account/privacy-policy')).body;
    expect(after.changes.map((c: { summaryEn: string }) => c.summaryEn)).toEqual(['Typo fixed.']);
    expect(after.acceptanceRequired).toBe(false);
  });

  it('limits a session begun after a substantial change until the member accepts it; sessions from before go on', async () => {
    const member = await createMember(t);
    const before = await signIn(t, member);
    const published = await admin.post('/api/admin/privacy-policy/versions', version({ substantial: true, summaryNl: 'Nieuwe partner voor e-mail.', summaryEn: 'New e-mail provider.' }));
    expect(published.status).toBe(201);
    const substantial = published.body.version as number;

    // The session from before publication works, but is told about the change.
    expect((await before.get('/api/notifications')).status).toBe(200);
    expect((await before.get('/api/account/privacy-policy')).body).toMatchObject({ acceptanceRequired: false, changes: expect.arrayContaining([expect.objectContaining({ version: substantial, substantial: true })]) });

    // The next log-in is limited: member routes answer 403 policy_acceptance_required…
    const next = await signIn(t, member);
    for (const [method, path, body] of [['GET', '/api/notifications'], ['GET', '/api/account/profile'], ['POST', '/api/notifications/read-all', {}]] as const) {
      const response = await next.request(method, path, body);
      expect(response.status, path).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('policy_acceptance_required');
    }
    // …except who am I, the status, the acceptance and log-out; public routes stay open.
    expect((await next.get('/api/auth/me')).status).toBe(200);
    expect((await next.get('/api/privacy-policy')).status).toBe(200);
    expect((await next.get('/api/resources')).status).toBe(200);
    const status = (await next.get('/api/account/privacy-policy')).body;
    expect(status).toMatchObject({ acceptanceRequired: true, current: { version: substantial } });

    const accepted = await next.post('/api/account/privacy-policy/acceptances', { version: substantial });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ acceptanceRequired: false, lastSeenVersion: substantial, changes: [] });
    expect((await next.get('/api/notifications')).status).toBe(200);
    // Accepted once, the member's later log-ins are not limited either.
    expect((await (await signIn(t, member)).get('/api/notifications')).status).toBe(200);

    // The acceptance is evidence: member, version, time, and the database refuses changes.
    const rows = await t.sql<{ number: number; acceptedAt: Date }>('SELECT v.number, a."acceptedAt" FROM "PolicyAcceptance" a JOIN "PolicyVersion" v ON v.id = a."versionId" WHERE a."memberId" = $1', [member.id]);
    expect(rows.map((r) => r.number)).toEqual([substantial]);
    expect(rows[0]!.acceptedAt).toBeInstanceOf(Date);
    await expect(t.sql('UPDATE "PolicyAcceptance" SET "acceptedAt" = now() WHERE "memberId" = $1', [member.id])).rejects.toThrow(/append-only/);
    await expect(t.sql('DELETE FROM "PolicyAcceptance" WHERE "memberId" = $1', [member.id])).rejects.toThrow(/append-only/);
    await expect(t.sql('UPDATE "PolicyVersion" SET "textNl" = $1 WHERE number = $2', ['gewijzigd', substantial])).rejects.toThrow(/append-only/);
    await expect(t.sql('TRUNCATE "PolicyAcceptance"')).rejects.toThrow(/append-only/);
    // Detaching the member (account deletion) is the one change allowed.
    await t.sql('UPDATE "PolicyAcceptance" SET "memberId" = NULL WHERE "memberId" = $1', [member.id]);
  });

  it('lets a limited session log out, and the gate holds for a new member too', async () => {
    const { client } = await memberWithClient(t);
    expect((await client.get('/api/feed')).body.code).toBe('policy_acceptance_required');
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });
});
