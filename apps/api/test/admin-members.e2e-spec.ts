import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, memberWithClient, signIn, staffMember, type TestMember } from './factories/members.js';
import type { HttpClient, Response } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: { member: TestMember; client: HttpClient };
let moderator: HttpClient;
let listModerator: HttpClient;
let member: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await staffMember(t, 'admin');
  moderator = (await staffMember(t, 'moderator')).client;
  listModerator = (await staffMember(t, 'moderator', true)).client;
  member = (await memberWithClient(t)).client;
});
afterAll(() => t.close());

function expectProblem(response: Response, status: number, code: string, label = '') {
  expect(response.status, `${label} ${response.text}`).toBe(status);
  expect(response.headers.get('content-type'), label).toContain('application/problem+json');
  expect(response.body.code, label).toBe(code);
}

async function auditEntries(action: string, targetId: string) {
  return t.sql<{ actorId: string; actorRole: string; details: Record<string, unknown> }>(`SELECT "actorId", "actorRole", details FROM "AuditEntry" WHERE action = $1 AND "targetId" = $2 ORDER BY seq`, [action, targetId]);
}

const roleOf = async (id: string) => (await t.sql<{ role: string; banListRight: boolean }>(`SELECT role::text, "banListRight" FROM "Member" WHERE id = $1`, [id]))[0]!;

describe('who may manage roles', () => {
  it('admins only: visitor 401, member, moderator and moderator with the ban-list right 403', async () => {
    const target = await createMember(t);
    const calls: Array<[string, (client: HttpClient) => Promise<Response>]> = [
      ['GET members', (client) => client.get('/api/admin/members')],
      ['PUT role', (client) => client.put(`/api/admin/members/${target.handle}/role`, { role: 'moderator' })],
      ['PUT ban-list right', (client) => client.put(`/api/admin/members/${target.handle}/ban-list-right`, { granted: true })],
    ];
    for (const [label, call] of calls) {
      expectProblem(await call(t.client()), 401, 'unauthenticated', `visitor ${label}`);
      for (const [who, client] of [
        ['member', member],
        ['moderator', moderator],
        ['moderator with the ban-list right', listModerator],
      ] as const) {
        expectProblem(await call(client), 403, 'forbidden', `${who} ${label}`);
      }
    }
    expect(await roleOf(target.id)).toEqual({ role: 'member', banListRight: false });
    expect((await admin.client.get('/api/admin/members')).status).toBe(200);
  });

  it('asks an admin without 2FA to set it up first', async () => {
    const pending = await createMember(t, { role: 'admin' });
    expectProblem(await (await signIn(t, pending)).get('/api/admin/members'), 403, 'second_factor_required');
  });
});

describe('finding members', () => {
  it('finds by the start of the handle or e-mail address, by role, paged by handle, without e-mail addresses', async () => {
    const key = randomBytes(3).toString('hex');
    const first = await createMember(t, { firstName: 'Zoek', lastName: `Aa${key}`, email: `finder-${key}-1@example.org` });
    const second = await createMember(t, { firstName: 'Zoek', lastName: `Bb${key}`, email: `finder-${key}-2@example.org`, role: 'moderator' });

    const byHandle = await admin.client.get(`/api/admin/members?query=zoek-aa${key}`);
    expect(byHandle.status).toBe(200);
    expect(byHandle.body.items).toEqual([{ handle: first.handle, displayName: `Zoek Aa${key}`, role: 'member', banListRight: false, status: 'active', twoFactorEnabled: false }]);

    const byEmail = await admin.client.get(`/api/admin/members?query=${encodeURIComponent(`FINDER-${key}`)}`);
    expect(byEmail.body.items.map((item: { handle: string }) => item.handle)).toEqual([first.handle, second.handle]);
    expect(byEmail.text).not.toContain('example.org');

    const moderators = await admin.client.get(`/api/admin/members?query=finder-${key}&role=moderator`);
    expect(moderators.body.items.map((item: { handle: string }) => item.handle)).toEqual([second.handle]);

    const page = await admin.client.get(`/api/admin/members?query=finder-${key}&limit=1`);
    expect(page.body.items.map((item: { handle: string }) => item.handle)).toEqual([first.handle]);
    const next = await admin.client.get(`/api/admin/members?query=finder-${key}&limit=1&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((item: { handle: string }) => item.handle)).toEqual([second.handle]);
    expect(next.body.nextCursor).toBeNull();

    // LIKE wildcards are literal characters.
    expect((await admin.client.get('/api/admin/members?query=%25')).body.items).toEqual([]);
    expect((await admin.client.get(`/api/admin/members?query=finder_${key}`)).body.items).toEqual([]);
  });

  it('refuses bad queries (400 problem+json)', async () => {
    for (const query of ['role=owner', 'limit=0', 'limit=101', 'cursor=%21%21', `query=${'x'.repeat(101)}`, 'other=1']) {
      expectProblem(await admin.client.get(`/api/admin/members?${query}`), 400, 'validation_failed', query);
    }
  });
});

describe('changing roles', () => {
  it('promotes a member: sessions end, the new moderator must set up 2FA before using moderator routes, and the change is logged', async () => {
    const { member: promoted, client } = await memberWithClient(t);
    const response = await admin.client.put(`/api/admin/members/${promoted.handle}/role`, { role: 'moderator' });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ handle: promoted.handle, role: 'moderator', banListRight: false, twoFactorEnabled: false });
    expect(await roleOf(promoted.id)).toEqual({ role: 'moderator', banListRight: false });

    expectProblem(await client.get('/api/auth/me'), 401, 'unauthenticated');
    const again = await signIn(t, promoted);
    const me = await again.get('/api/auth/me');
    expect(me.body).toMatchObject({ role: 'moderator', twoFactorEnabled: false, twoFactorSetupRequired: true });
    expectProblem(await again.get('/api/moderation/reports'), 403, 'second_factor_required');

    expect(await auditEntries('member.role_changed', promoted.id)).toEqual([{ actorId: admin.member.id, actorRole: 'admin', details: { from: 'member', to: 'moderator', sessionsEnded: 1 } }]);
  });

  it('demotes a moderator to member, which also takes away the ban-list right', async () => {
    const { member: demoted, client } = await staffMember(t, 'moderator', true);
    const response = await admin.client.put(`/api/admin/members/${demoted.handle}/role`, { role: 'member' });
    expect(response.body).toMatchObject({ role: 'member', banListRight: false, twoFactorEnabled: true });
    expect(await roleOf(demoted.id)).toEqual({ role: 'member', banListRight: false });
    expectProblem(await client.get('/api/moderation/ban-list'), 401, 'unauthenticated');
    const [entry] = await auditEntries('member.role_changed', demoted.id);
    expect(entry!.details).toEqual({ from: 'moderator', to: 'member', sessionsEnded: 1, banListRightRemoved: true });
  });

  it('makes another admin; setting the role a member already has changes and logs nothing', async () => {
    const { member: target, client } = await memberWithClient(t);
    expect((await admin.client.put(`/api/admin/members/${target.handle}/role`, { role: 'admin' })).body.role).toBe('admin');
    const same = await admin.client.put(`/api/admin/members/${target.handle}/role`, { role: 'admin' });
    expect(same.status).toBe(200);
    expect(same.body.role).toBe('admin');
    expect(await auditEntries('member.role_changed', target.id)).toHaveLength(1);
    expectProblem(await client.get('/api/auth/me'), 401, 'unauthenticated');
  });

  it('refuses an admin changing their own role (403)', async () => {
    await staffMember(t, 'admin'); // so the self-change rule, not the last-admin rule, applies
    expectProblem(await admin.client.put(`/api/admin/members/${admin.member.handle}/role`, { role: 'member' }), 403, 'forbidden');
    expect((await roleOf(admin.member.id)).role).toBe('admin');
    expect(await auditEntries('member.role_changed', admin.member.id)).toHaveLength(0);
  });

  it('refuses bad input (400) and unknown members (404)', async () => {
    const target = await createMember(t);
    for (const body of [{ role: 'owner' }, {}, { role: 'moderator', extra: true }, { role: ['admin'] }]) {
      expectProblem(await admin.client.put(`/api/admin/members/${target.handle}/role`, body), 400, 'validation_failed', JSON.stringify(body));
    }
    expectProblem(await admin.client.put('/api/admin/members/Not A Handle/role', { role: 'member' }), 400, 'validation_failed');
    expectProblem(await admin.client.put('/api/admin/members/niemand-hier/role', { role: 'moderator' }), 404, 'not_found');
  });
});

describe('the ban-list right', () => {
  it('is given to and taken from a moderator, takes effect at once and is logged', async () => {
    const { member: target, client } = await staffMember(t, 'moderator');
    expectProblem(await client.get('/api/moderation/ban-list'), 403, 'forbidden');
    const granted = await admin.client.put(`/api/admin/members/${target.handle}/ban-list-right`, { granted: true });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ handle: target.handle, role: 'moderator', banListRight: true });
    expect((await client.get('/api/moderation/ban-list')).status).toBe(200);

    expect((await admin.client.put(`/api/admin/members/${target.handle}/ban-list-right`, { granted: true })).body.banListRight).toBe(true);
    expect((await admin.client.put(`/api/admin/members/${target.handle}/ban-list-right`, { granted: false })).body.banListRight).toBe(false);
    expectProblem(await client.get('/api/moderation/ban-list'), 403, 'forbidden');

    const entries = await auditEntries('member.ban_list_right_changed', target.id);
    expect(entries.map((entry) => [entry.actorId, entry.details])).toEqual([
      [admin.member.id, { granted: true }],
      [admin.member.id, { granted: false }],
    ]);
  });

  it('is only for moderators and admins (409 for a member); bad input 400, unknown member 404', async () => {
    const plain = await createMember(t);
    expectProblem(await admin.client.put(`/api/admin/members/${plain.handle}/ban-list-right`, { granted: true }), 409, 'conflict');
    expect((await roleOf(plain.id)).banListRight).toBe(false);
    const otherAdmin = await createMember(t, { role: 'admin' });
    expect((await admin.client.put(`/api/admin/members/${otherAdmin.handle}/ban-list-right`, { granted: true })).status).toBe(200);
    for (const body of [{ granted: 'yes' }, {}, { granted: true, role: 'admin' }]) {
      expectProblem(await admin.client.put(`/api/admin/members/${plain.handle}/ban-list-right`, body), 400, 'validation_failed', JSON.stringify(body));
    }
    expectProblem(await admin.client.put('/api/admin/members/niemand-hier/ban-list-right', { granted: true }), 404, 'not_found');
  });
});

// Last: these change who the admins are.
describe('the last admin', () => {
  it('cannot be demoted (409), and two admins demoting each other at once leave one admin', async () => {
    const other = await staffMember(t, 'admin');
    // Only these two active admins remain.
    await t.sql(`UPDATE "Member" SET role = 'member' WHERE role = 'admin' AND id <> ALL($1::uuid[])`, [[admin.member.id, other.member.id]]);

    const [first, second] = await Promise.all([
      admin.client.put(`/api/admin/members/${other.member.handle}/role`, { role: 'member' }),
      other.client.put(`/api/admin/members/${admin.member.handle}/role`, { role: 'member' }),
    ]);
    // The loser is refused by the service (no longer admin, 403) or, when the winner's change
    // committed first, by the session guard (its sessions ended, 401).
    const winner = first.status === 200 ? admin : other;
    const loser = first.status === 200 ? second : first;
    expect(winner === admin ? first.status : second.status).toBe(200);
    expect([401, 403]).toContain(loser.status);
    const admins = await t.sql<{ id: string }>(`SELECT id FROM "Member" WHERE role = 'admin'`);
    expect(admins).toEqual([{ id: winner.member.id }]);

    // The remaining admin cannot demote themselves: the last-admin rule answers before the self rule.
    expectProblem(await winner.client.put(`/api/admin/members/${winner.member.handle}/role`, { role: 'moderator' }), 409, 'conflict');
    expect((await roleOf(winner.member.id)).role).toBe('admin');
  });
});
