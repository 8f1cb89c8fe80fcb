import { randomBytes } from 'node:crypto';
import { linkIn } from '@lesplein/testing/mail-catcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, memberWithClient, signIn, staffMember, TEST_PASSWORD } from './factories/members.js';
import type { HttpClient, Response } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: HttpClient;
let listModerator: HttpClient;
let plainModerator: HttpClient;
let member: HttpClient;
let listModeratorHandle: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await staffMember(t, 'admin')).client;
  const withRight = await staffMember(t, 'moderator', true);
  listModerator = withRight.client;
  listModeratorHandle = withRight.member.handle;
  plainModerator = (await staffMember(t, 'moderator')).client;
  member = (await memberWithClient(t)).client;
});
afterAll(() => t.close());

const UNKNOWN_ID = '00000000-0000-4000-8000-00000000beef';
const suffix = () => randomBytes(4).toString('hex');

function expectProblem(response: Response, status: number, code: string, label = '') {
  expect(response.status, `${label} ${response.text}`).toBe(status);
  expect(response.headers.get('content-type'), label).toContain('application/problem+json');
  expect(response.body.code, label).toBe(code);
}

async function ban(email: string, options: { keepAddress?: boolean; by?: HttpClient; reason?: string } = {}) {
  const response = await (options.by ?? admin).post('/api/moderation/ban-list', { email, reason: options.reason ?? 'Herhaaldelijk spam na waarschuwingen', keepAddress: options.keepAddress ?? false });
  expect(response.status, response.text).toBe(201);
  return response.body as { entry: { id: string; reason: string; addedBy: string | null; createdAt: string; hasAddress: boolean }; accountsLocked: number };
}

async function memberRow(email: string) {
  const [row] = await t.sql<{ id: string; status: string }>(`SELECT id, status::text FROM "Member" WHERE email = $1`, [email]);
  return row;
}

/** Mails queued in the outbox for an address (written in the request's own transaction, so no waiting). */
async function mailJobsTo(email: string): Promise<number> {
  const [row] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND lower(data->>'to') = lower($1)`, [email]);
  return row!.n;
}

const register = (email: string, client = t.client()) => client.post('/api/auth/register', { email, password: TEST_PASSWORD, firstName: 'Nieuw', lastName: 'Lid' });

/** Status and body of an answer, without what differs per request (the instance path). */
const answer = (response: Response) => ({ status: response.status, contentType: response.headers.get('content-type'), body: typeof response.body === 'object' ? { ...response.body, instance: undefined } : response.body });

describe('who may use the ban list', () => {
  it('admins and moderators with the ban-list right only (visitor 401, member and moderator without the right 403)', async () => {
    const entry = (await ban(`matrix-${suffix()}@example.org`, { keepAddress: true })).entry;
    const forbidden: Array<[string, HttpClient]> = [
      ['member', member],
      ['moderator without the right', plainModerator],
    ];
    const calls: Array<[string, (client: HttpClient) => Promise<Response>]> = [
      ['GET list', (client) => client.get('/api/moderation/ban-list')],
      ['POST', (client) => client.post('/api/moderation/ban-list', { email: `nope-${suffix()}@example.org`, reason: 'Geen toegang', keepAddress: false })],
      ['GET address', (client) => client.get(`/api/moderation/ban-list/${entry.id}/address`)],
      ['DELETE', (client) => client.delete(`/api/moderation/ban-list/${entry.id}`)],
    ];
    for (const [label, call] of calls) {
      expectProblem(await call(t.client()), 401, 'unauthenticated', `visitor ${label}`);
      for (const [who, client] of forbidden) expectProblem(await call(client), 403, 'forbidden', `${who} ${label}`);
    }
    // Nothing was added or removed by the refused calls.
    const [count] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "BanEntry" WHERE id = $1`, [entry.id]);
    expect(count!.n).toBe(1);

    for (const [who, client] of [
      ['admin', admin],
      ['moderator with the right', listModerator],
    ] as const) {
      expect((await client.get('/api/moderation/ban-list')).status, who).toBe(200);
      const added = await ban(`allowed-${suffix()}@example.org`, { by: client, keepAddress: true });
      expect((await client.get(`/api/moderation/ban-list/${added.entry.id}/address`)).status, who).toBe(200);
      expect((await client.delete(`/api/moderation/ban-list/${added.entry.id}`)).status, who).toBe(200);
    }
  });

  it('takes the right away at once when an admin revokes it (read from the database at each call)', async () => {
    const { member: moderator, client } = await staffMember(t, 'moderator', true);
    expect((await client.get('/api/moderation/ban-list')).status).toBe(200);
    await t.sql(`UPDATE "Member" SET "banListRight" = false WHERE id = $1`, [moderator.id]);
    expectProblem(await client.get('/api/moderation/ban-list'), 403, 'forbidden');
  });

  it('asks a moderator without 2FA to set it up first', async () => {
    const moderator = await createMember(t, { role: 'moderator' });
    await t.sql(`UPDATE "Member" SET "banListRight" = true WHERE id = $1`, [moderator.id]);
    expectProblem(await (await signIn(t, moderator)).get('/api/moderation/ban-list'), 403, 'second_factor_required');
  });
});

describe('adding, listing, reading and removing entries', () => {
  it('stores keyed hashes of both forms, the sealed address only when kept, and never shows the address in the list', async () => {
    const address = `Kept.Person+x-${suffix()}@Example.org`;
    const kept = await ban(address, { keepAddress: true, by: listModerator, reason: 'Intimidatie van andere leden' });
    expect(kept.accountsLocked).toBe(0);
    expect(kept.entry).toMatchObject({ reason: 'Intimidatie van andere leden', addedBy: listModeratorHandle, hasAddress: true });
    const notKept = await ban(`not-kept-${suffix()}@example.org`);
    expect(notKept.entry.hasAddress).toBe(false);

    const rows = await t.sql<{ exactHash: string; canonicalHash: string; sealedEmail: string | null; dump: string }>(
      `SELECT "exactHash", "canonicalHash", "sealedEmail", row_to_json(b)::text AS dump FROM "BanEntry" b WHERE id = ANY($1::uuid[]) ORDER BY "createdAt"`,
      [[kept.entry.id, notKept.entry.id]],
    );
    expect(rows[0]!.exactHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.canonicalHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.canonicalHash).not.toBe(rows[0]!.exactHash);
    expect(rows[0]!.sealedEmail).not.toBeNull();
    expect(rows[0]!.dump.toLowerCase()).not.toContain('kept.person');
    expect(rows[1]!.sealedEmail).toBeNull();

    const list = await admin.get('/api/moderation/ban-list');
    expect(list.status).toBe(200);
    expect(list.body.items.slice(0, 2).map((item: { id: string }) => item.id)).toEqual([notKept.entry.id, kept.entry.id]);
    expect(list.text.toLowerCase()).not.toContain('kept.person');
    expect(list.text).not.toContain(rows[0]!.sealedEmail!);
    expect(Object.keys(list.body.items[0]).sort()).toEqual(['addedBy', 'createdAt', 'hasAddress', 'id', 'reason']);

    // The kept address is the exact form: NFKC, lower case, punycode domain; the tag stays.
    const read = await listModerator.get(`/api/moderation/ban-list/${kept.entry.id}/address`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ address: address.toLowerCase() });
    expectProblem(await admin.get(`/api/moderation/ban-list/${notKept.entry.id}/address`), 404, 'not_found');
  });

  it('records every read of an address, and the additions and removals, with ids only', async () => {
    const address = `audited-${suffix()}@example.org`;
    const { entry } = await ban(address, { keepAddress: true, by: listModerator });
    await admin.get(`/api/moderation/ban-list/${entry.id}/address`);
    await listModerator.get(`/api/moderation/ban-list/${entry.id}/address`);
    expect((await admin.delete(`/api/moderation/ban-list/${entry.id}`)).body).toEqual({ ok: true });

    const entries = await t.sql<{ action: string; actorRole: string; targetType: string; details: Record<string, unknown>; dump: string }>(
      `SELECT action, "actorRole", "targetType", details, row_to_json(a)::text AS dump FROM "AuditEntry" a WHERE "targetId" = $1 ORDER BY seq`,
      [entry.id],
    );
    expect(entries.map((row) => [row.action, row.actorRole, row.targetType])).toEqual([
      ['ban_list.entry_added', 'moderator', 'ban_entry'],
      ['ban_list.address_read', 'admin', 'ban_entry'],
      ['ban_list.address_read', 'moderator', 'ban_entry'],
      ['ban_list.entry_removed', 'admin', 'ban_entry'],
    ]);
    expect(entries[0]!.details).toEqual({ accountMatched: false, accountsLocked: 0, addressKept: true });
    for (const row of entries) expect(row.dump).not.toContain('audited-');
    const [all] = await t.sql<{ dump: string }>(`SELECT string_agg(details::text, ' ') AS dump FROM "AuditEntry"`);
    expect(all!.dump).not.toContain('@');
  });

  it('pages newest first', async () => {
    const first = await ban(`page-a-${suffix()}@example.org`);
    const second = await ban(`page-b-${suffix()}@example.org`);
    const page = await admin.get('/api/moderation/ban-list?limit=1');
    expect(page.body.items.map((item: { id: string }) => item.id)).toEqual([second.entry.id]);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const next = await admin.get(`/api/moderation/ban-list?limit=1&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((item: { id: string }) => item.id)).toEqual([first.entry.id]);
  });

  it('answers 409 for an address already on the list (the same exact form), keeping the first entry', async () => {
    const address = `twice-${suffix()}@example.org`;
    const first = await ban(address, { reason: 'Eerste keer' });
    expectProblem(await admin.post('/api/moderation/ban-list', { email: `  ${address.toUpperCase()} `, reason: 'Tweede keer', keepAddress: true }), 409, 'conflict');
    const rows = await t.sql<{ id: string; reason: string }>(`SELECT b.id, b.reason FROM "BanEntry" b WHERE b.id = $1`, [first.entry.id]);
    expect(rows).toEqual([{ id: first.entry.id, reason: 'Eerste keer' }]);
    // Another exact form of the same canonical address is an entry of its own.
    expect((await admin.post('/api/moderation/ban-list', { email: address.replace('@', '+tag@'), reason: 'Variant', keepAddress: false })).status).toBe(201);
  });

  it('refuses bad input (400 problem+json) and unknown entries (404)', async () => {
    const cases: Array<[string, unknown, string?]> = [
      ['not an address', { email: 'geen adres', reason: 'Reden genoeg', keepAddress: false }, 'email'],
      ['no domain dot', { email: 'jan@localhost', reason: 'Reden genoeg', keepAddress: false }, 'email'],
      ['two at signs', { email: 'jan@x@example.org', reason: 'Reden genoeg', keepAddress: false }, 'email'],
      ['bad domain', { email: 'jan@exa_mple.org', reason: 'Reden genoeg', keepAddress: false }, 'email'],
      ['reason missing', { email: 'jan@example.org', keepAddress: false }, 'reason'],
      ['reason blank', { email: 'jan@example.org', reason: '   ', keepAddress: false }, 'reason'],
      ['keepAddress missing', { email: 'jan@example.org', reason: 'Reden genoeg' }, 'keepAddress'],
      ['keepAddress not a boolean', { email: 'jan@example.org', reason: 'Reden genoeg', keepAddress: 'ja' }, 'keepAddress'],
      ['unknown field', { email: 'jan@example.org', reason: 'Reden genoeg', keepAddress: false, memberId: UNKNOWN_ID }],
    ];
    for (const [label, body, path] of cases) {
      const response = await admin.post('/api/moderation/ban-list', body);
      expectProblem(response, 400, 'validation_failed', label);
      if (path) expect(response.body.errors.map((error: { path: string }) => error.path), label).toContain(path);
    }
    expectProblem(await admin.get('/api/moderation/ban-list?limit=0'), 400, 'validation_failed');
    expectProblem(await admin.get('/api/moderation/ban-list?cursor=bad'), 400, 'validation_failed');
    expectProblem(await admin.get('/api/moderation/ban-list/not-a-uuid/address'), 400, 'validation_failed');
    expectProblem(await admin.delete('/api/moderation/ban-list/not-a-uuid'), 400, 'validation_failed');
    expectProblem(await admin.get(`/api/moderation/ban-list/${UNKNOWN_ID}/address`), 404, 'not_found');
    expectProblem(await admin.delete(`/api/moderation/ban-list/${UNKNOWN_ID}`), 404, 'not_found');
  });

  it('refuses the address of a moderator or admin (409) and adds nothing', async () => {
    const moderator = await createMember(t, { role: 'moderator' });
    const response = await admin.post('/api/moderation/ban-list', { email: moderator.email.replace('@', '+x@'), reason: 'Poging', keepAddress: false });
    expectProblem(response, 409, 'conflict');
    expect((await memberRow(moderator.email))!.status).toBe('active');
    const [count] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEntry" WHERE action = 'member.locked_by_ban' AND "targetId" = $1`, [moderator.id]);
    expect(count!.n).toBe(0);
  });
});

describe('which addresses an entry matches', () => {
  /** [what the entry shows, banned as typed, an address that must be refused]; `key` keeps the cases of each test apart. */
  const matches = (key: string): Array<[string, string, string]> => [
    ['case', `Case.Person-${key}@Example.ORG`, `case.person-${key}@example.org`],
    ['+tag in the banned address', `tagged-${key}+spam@example.org`, `tagged-${key}@example.org`],
    ['+tag in the new address', `tagless-${key}@example.org`, `tagless-${key}+nieuw@example.org`],
    ['Gmail dots', `dotty.person.${key}@gmail.com`, `dottyperson${key}@gmail.com`],
    ['Gmail dots, tag and googlemail', `more.dots.${key}@gmail.com`, `m.o.r.e.dots${key}+x@googlemail.com`],
    ['googlemail', `gm.user.${key}@googlemail.com`, `gmuser${key}@gmail.com`],
    ['leading and trailing spaces', `   spaced-${key}@example.org \t`, `spaced-${key}@example.org`],
    ['full-width characters', `ｗｉｄｅ－${key}＠ｅｘａｍｐｌｅ．ｏｒｇ`, `wide-${key}@example.org`],
    ['IDN domain', `idn-${key}@bücher.example`, `idn-${key}@xn--bcher-kva.example`],
  ];
  const locking = matches(`a${suffix()}`);
  const registering = matches(`r${suffix()}`);

  it.each(locking)('%s: an existing account is locked at once', async (_label, banned, address) => {
    await createMember(t, { email: address });
    const added = await ban(banned);
    expect(added.accountsLocked).toBe(1);
    expect((await memberRow(address))!.status).toBe('locked');
  });

  it.each(registering)('%s: registration is refused silently', async (_label, banned, address) => {
    await ban(banned);
    const response = await register(address);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: true });
    expect(await memberRow(address)).toBeUndefined();
    expect(await mailJobsTo(address)).toBe(0);
  });

  /** [banned, a similar address that stays free] */
  const lookAlikes = (key: string): Array<[string, string]> => [
    [`similar-${key}@example.org`, `similar-${key}@example.net`],
    [`similar-${key}@example.org`, `similar-${key}@example.org.example`],
    [`similar-${key}@example.org`, `similar-${key}x@example.org`],
    [`dot.ted-${key}@example.org`, `dotted-${key}@example.org`],
    [`look.alike.${key}@gmail.com`, `lookalike${key}@gmail.co`],
    [`look.alike.${key}@gmail.com`, `lookalike${key}@mail.gmail.com`],
  ];

  it('does not match a similar address at another domain, nor dots outside Gmail, nor a look-alike Gmail domain', async () => {
    const existing = lookAlikes(`e${suffix()}`);
    for (const [, free] of existing) await createMember(t, { email: free });
    for (const banned of new Set(existing.map(([banned]) => banned))) expect((await ban(banned)).accountsLocked, banned).toBe(0);
    for (const [, free] of existing) expect((await memberRow(free))!.status, free).toBe('active');

    const registering = lookAlikes(`n${suffix()}`);
    for (const banned of new Set(registering.map(([banned]) => banned))) await ban(banned);
    for (const [, free] of registering) {
      expect((await register(free)).status, free).toBe(202);
      expect(await memberRow(free), free).toMatchObject({ status: 'active' });
    }
  });
});

describe('a banned member', () => {
  it('loses their sessions and partner consents at once and cannot log in: the answer of a wrong password', async () => {
    const { member: banned, client } = await memberWithClient(t);
    const other = await createMember(t);
    const secondSession = await signIn(t, banned);
    expect((await client.get('/api/auth/me')).status).toBe(200);

    // A partner consent, as the consent screen records it.
    const [partner] = await t.sql<{ id: string; noticeId: string }>(
      `WITH p AS (
         INSERT INTO "Partner" (id, name, "legalName", address, "contactEmail", "dpoEmail", "websiteUrl", "privacyPolicyUrl", "clientId", "redirectUris", "allowedScopes", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'Uitgeverij BV', 'Schoolstraat 1', 'c@uitgeverij.example', 'd@uitgeverij.example', 'https://uitgeverij.example', 'https://uitgeverij.example/privacy', $2, ARRAY['https://uitgeverij.example/cb'], ARRAY['openid','profile'], now())
         RETURNING id)
       INSERT INTO "PartnerNotice" (id, "partnerId", version, "serviceDescription", purposes, "dataCategories", retention, "storageLocation", "subProcessors")
       SELECT gen_random_uuid(), p.id, 1, 'Oefenplatform', 'Inloggen', ARRAY['openid','profile'], '1 jaar', 'EU', ARRAY[]::text[] FROM p
       RETURNING "partnerId" AS id, id AS "noticeId"`,
      [`Uitgeverij ${suffix()}`, `lp_${suffix()}${suffix()}`],
    );
    const [consent] = await t.sql<{ id: string }>(
      `INSERT INTO "PartnerConsent" (id, "memberId", subject, "partnerId", "noticeId", "grantedScopes", "refusedScopes", "consentTextHash", language)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, ARRAY['openid','profile'], ARRAY[]::text[], repeat('a', 64), 'nl') RETURNING id`,
      [banned.id, `sub-${suffix()}`, partner!.id, partner!.noticeId],
    );

    const added = await ban(banned.email.toUpperCase(), { by: listModerator });
    expect(added.accountsLocked).toBe(1);
    expectProblem(await client.get('/api/auth/me'), 401, 'unauthenticated');
    expectProblem(await secondSession.get('/api/auth/me'), 401, 'unauthenticated');
    const [sessions] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Session" WHERE "memberId" = $1`, [banned.id]);
    expect(sessions!.n).toBe(0);
    const withdrawals = await t.sql<{ withdrawnBy: string; actorRole: string }>(
      `SELECT w."withdrawnBy"::text AS "withdrawnBy", m.role::text AS "actorRole" FROM "PartnerConsentWithdrawal" w JOIN "Member" m ON m.id = w."actorId" WHERE w."consentId" = $1`,
      [consent!.id],
    );
    expect(withdrawals).toEqual([{ withdrawnBy: 'admin', actorRole: 'moderator' }]);

    const [locked] = await t.sql<{ details: Record<string, unknown> }>(`SELECT details FROM "AuditEntry" WHERE action = 'member.locked_by_ban' AND "targetId" = $1`, [banned.id]);
    expect(locked!.details).toEqual({ banEntryId: added.entry.id });
    const [addedEntry] = await t.sql<{ details: Record<string, unknown> }>(`SELECT details FROM "AuditEntry" WHERE action = 'ban_list.entry_added' AND "targetId" = $1`, [added.entry.id]);
    expect(addedEntry!.details).toEqual({ accountMatched: true, accountsLocked: 1, addressKept: false });

    // The right password gets exactly the answer of a wrong one for a member who is not banned.
    const bannedLogin = await t.client().post('/api/auth/login', { email: banned.email, password: banned.password });
    const wrongPassword = await t.client().post('/api/auth/login', { email: other.email, password: 'Niet-Het-Juiste-1' });
    expectProblem(bannedLogin, 401, 'invalid_credentials');
    expect(answer(bannedLogin)).toEqual(answer(wrongPassword));
    expect(answer(await t.client().post('/api/auth/login', { email: banned.email, password: 'Niet-Het-Juiste-1' }))).toEqual(answer(wrongPassword));
  });

  it('stays locked when the entry is removed (unlocking is a separate admin decision)', async () => {
    const banned = await createMember(t);
    const { entry } = await ban(banned.email);
    await admin.delete(`/api/moderation/ban-list/${entry.id}`);
    expect((await memberRow(banned.email))!.status).toBe('locked');
  });

  it('cannot register again after deleting the account: the entry survives the deletion', async () => {
    const banned = await createMember(t);
    const { entry } = await ban(banned.email.replace('@', '+oud@'));
    await t.sql(`DELETE FROM "Member" WHERE id = $1`, [banned.id]);
    const list = await admin.get('/api/moderation/ban-list?limit=100');
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(entry.id);
    const response = await register(banned.email);
    expect(answer(response)).toEqual(answer(await register(`vrij-${suffix()}@example.org`)));
    expect(await memberRow(banned.email)).toBeUndefined();
  });

  it('shows addedBy null once the moderator who added the entry is gone', async () => {
    const { member: moderator, client } = await staffMember(t, 'moderator', true);
    const { entry } = await ban(`orphan-${suffix()}@example.org`, { by: client });
    await t.sql(`DELETE FROM "Member" WHERE id = $1`, [moderator.id]);
    const list = await admin.get('/api/moderation/ban-list?limit=100');
    expect(list.body.items.find((item: { id: string }) => item.id === entry.id).addedBy).toBeNull();
  });
});

describe('nothing about bans leaks', () => {
  it('registration answers a banned address as any accepted registration, with no account and no mail', async () => {
    const banned = `reg-banned-${suffix()}@example.org`;
    await ban(banned);
    const free = `reg-free-${suffix()}@example.org`;
    const refused = await register(banned);
    const accepted = await register(free);
    expect(answer(refused)).toEqual(answer(accepted));
    expect(answer(refused)).toEqual({ status: 202, contentType: expect.stringContaining('application/json'), body: { accepted: true, instance: undefined } });
    expect(await memberRow(banned)).toBeUndefined();
    expect(await memberRow(free)).toBeDefined();
    expect(await mailJobsTo(free)).toBe(1);
    expect(await mailJobsTo(banned)).toBe(0);
    // A weak password is refused the same way for both.
    const weakBanned = await t.client().post('/api/auth/register', { email: banned, password: 'password123', firstName: 'A', lastName: 'B' });
    const weakFree = await t.client().post('/api/auth/register', { email: `weak-${suffix()}@example.org`, password: 'password123', firstName: 'A', lastName: 'B' });
    expect(answer(weakBanned)).toEqual(answer(weakFree));
    // Asking for the verification mail again changes nothing.
    expect(answer(await t.client().post('/api/auth/resend-verification', { email: banned }))).toEqual(answer(await t.client().post('/api/auth/resend-verification', { email: free })));
    expect(await mailJobsTo(banned)).toBe(0);
  });

  it('password reset answers the same for a banned address, with or without an account, and mails nothing', async () => {
    const bannedMember = await createMember(t);
    await ban(bannedMember.email);
    const bannedNoAccount = `reset-banned-${suffix()}@example.org`;
    await ban(bannedNoAccount);
    const free = await createMember(t);
    const control = await t.client().post('/api/auth/forgot-password', { email: free.email });
    for (const email of [bannedMember.email, bannedNoAccount]) {
      expect(answer(await t.client().post('/api/auth/forgot-password', { email }))).toEqual(answer(control));
      expect(await mailJobsTo(email)).toBe(0);
    }
    await t.mail.waitFor(free.email, /Nieuw wachtwoord/);
  });

  it('an e-mail change to a banned address is answered as for a taken one: the old address is told, no link is sent', async () => {
    const { member: changer, client } = await memberWithClient(t);
    const key = suffix();
    const banned = `changebanned${key}@gmail.com`;
    await ban(`change.banned.${key}@gmail.com`);
    const taken = (await createMember(t)).email;
    const bannedAnswer = await client.post('/api/account/email', { newEmail: banned, password: changer.password });
    const takenAnswer = await client.post('/api/account/email', { newEmail: taken, password: changer.password });
    expect(answer(bannedAnswer)).toEqual(answer(takenAnswer));
    expect(bannedAnswer.status).toBe(202);
    expect(await mailJobsTo(banned)).toBe(0);
    const [tokens] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "EmailToken" WHERE "memberId" = $1 AND purpose = 'change_email'`, [changer.id]);
    expect(tokens!.n).toBe(0);
    await t.mail.waitFor(changer.email, /aangevraagd/);
  });

  it('confirming a change to an address banned since the request is answered as an address taken meanwhile', async () => {
    const confirmLink = async (newEmail: string) => {
      const { member: changer, client } = await memberWithClient(t);
      expect((await client.post('/api/account/email', { newEmail, password: changer.password })).status).toBe(202);
      const mail = await t.mail.waitFor(newEmail, /Bevestig je nieuwe e-mailadres/);
      return { changer, token: new URL(linkIn(mail.text, '/confirm-email')).searchParams.get('token')! };
    };
    const toBan = `confirm-banned-${suffix()}@example.org`;
    const toTake = `confirm-taken-${suffix()}@example.org`;
    const banCase = await confirmLink(toBan);
    const takeCase = await confirmLink(toTake);
    await ban(toBan.replace('@', '+x@'));
    await createMember(t, { email: toTake });

    const bannedConfirm = await t.client().post('/api/auth/confirm-email', { token: banCase.token });
    const takenConfirm = await t.client().post('/api/auth/confirm-email', { token: takeCase.token });
    expectProblem(bannedConfirm, 409, 'conflict');
    expect(answer(bannedConfirm)).toEqual(answer(takenConfirm));
    expect((await memberRow(banCase.changer.email))!.status).toBe('active');
    expect(await memberRow(toBan)).toBeUndefined();
  });
});

describe('account deletion without a ban', () => {
  it('lets a member who deleted their account register again with the same address', async () => {
    const gone = await createMember(t);
    await t.sql(`DELETE FROM "Member" WHERE id = $1`, [gone.id]);
    const response = await register(gone.email);
    expect(response.status).toBe(202);
    expect(await memberRow(gone.email)).toMatchObject({ status: 'active' });
    expect(await mailJobsTo(gone.email)).toBe(1);
  });
});
