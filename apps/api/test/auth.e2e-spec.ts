import { linkIn } from '@lesplein/testing/mail-catcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, memberWithClient, signIn, TEST_PASSWORD } from './factories/members.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const tokenFrom = (link: string) => new URL(link).searchParams.get('token')!;

describe('registration and verification', () => {
  it('registers, mails a single-use link, verifies and then allows log-in', async () => {
    const client = t.client();
    const email = 'Nieuw.Lid@Example.org';
    const registered = await client.post('/api/auth/register', { email, password: TEST_PASSWORD, firstName: 'Nieuw', lastName: 'Lid' });
    expect(registered.status).toBe(202);
    expect(registered.body).toEqual({ accepted: true });

    const early = await client.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('email_not_verified');

    const mail = await t.mail.waitFor('nieuw.lid@example.org', /Bevestig je e-mailadres/);
    const link = linkIn(mail.text, '/verify-email');
    expect(link.startsWith('http://localhost:5173/verify-email?token=')).toBe(true);
    const [stored] = await t.sql<{ passwordHash: string }>('SELECT "passwordHash" FROM "Member" WHERE email = $1', ['nieuw.lid@example.org']);
    expect(stored!.passwordHash.startsWith('$argon2id$')).toBe(true);

    const verified = await client.post('/api/auth/verify-email', { token: tokenFrom(link) });
    expect(verified.status).toBe(200);
    const again = await client.post('/api/auth/verify-email', { token: tokenFrom(link) });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('token_invalid');

    const login = await client.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ status: 'signed_in', member: { email: 'nieuw.lid@example.org', firstName: 'Nieuw', role: 'member', handle: 'nieuw-lid' } });
  });

  it('refuses bad input with problem details and stores nothing', async () => {
    const client = t.client();
    const cases = [
      [{ email: 'not-an-address', password: TEST_PASSWORD, firstName: 'A', lastName: 'B' }, 'email'],
      [{ email: 'short@example.org', password: 'kort', firstName: 'A', lastName: 'B' }, 'password'],
      [{ email: 'extra@example.org', password: TEST_PASSWORD, firstName: 'A', lastName: 'B', role: 'admin' }, ''],
      [{ email: 'noname@example.org', password: TEST_PASSWORD }, 'firstName'],
    ] as const;
    for (const [body, path] of cases) {
      const response = await client.post('/api/auth/register', body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('validation_failed');
      if (path) expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const common = await client.post('/api/auth/register', { email: 'common@example.org', password: 'password123', firstName: 'A', lastName: 'B' });
    expect(common.status).toBe(400);
    expect(common.body.code).toBe('weak_password');
    const rows = await t.sql('SELECT 1 FROM "Member" WHERE email = ANY($1)', [['short@example.org', 'extra@example.org', 'noname@example.org', 'common@example.org']]);
    expect(rows).toHaveLength(0);
  });

  it('answers the same for an address that is already registered, and tells its owner', async () => {
    const existing = await createMember(t);
    const response = await t.client().post('/api/auth/register', { email: existing.email, password: TEST_PASSWORD, firstName: 'X', lastName: 'Y' });
    expect(response.status).toBe(202);
    await t.mail.waitFor(existing.email, /Poging om te registreren/);
    const rows = await t.sql('SELECT 1 FROM "Member" WHERE email = $1', [existing.email]);
    expect(rows).toHaveLength(1);
  });

  it('resends the verification link only to unverified members, with the same answer', async () => {
    const client = t.client();
    await client.post('/api/auth/register', { email: 'resend@example.org', password: TEST_PASSWORD, firstName: 'Re', lastName: 'Send', locale: 'en' });
    await t.mail.waitFor('resend@example.org', /Confirm your e-mail address/);
    t.mail.clear();
    expect((await client.post('/api/auth/resend-verification', { email: 'resend@example.org' })).status).toBe(202);
    await t.mail.waitFor('resend@example.org', /Confirm your e-mail address/);
    expect((await client.post('/api/auth/resend-verification', { email: 'nobody-here@example.org' })).status).toBe(202);
    expect((await client.post('/api/auth/resend-verification', { email: 'nope' })).status).toBe(400);
  });

  it('refuses an unknown verification token', async () => {
    const response = await t.client().post('/api/auth/verify-email', { token: 'x'.repeat(43) });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('token_invalid');
    expect((await t.client().post('/api/auth/verify-email', {})).status).toBe(400);
  });
});

describe('log-in, session and log-out', () => {
  it('sets an httpOnly SameSite=Lax session cookie with a new id at every log-in', async () => {
    const member = await createMember(t);
    const client = t.client();
    const first = await client.post('/api/auth/login', { email: member.email.toUpperCase(), password: member.password });
    expect(first.status).toBe(200);
    const cookieLine = first.headers.getSetCookie().find((line) => line.startsWith('lp_session='))!;
    expect(cookieLine).toMatch(/HttpOnly/i);
    expect(cookieLine).toMatch(/SameSite=Lax/i);
    const firstToken = client.cookie('lp_session');
    await client.post('/api/auth/login', { email: member.email, password: member.password });
    expect(client.cookie('lp_session')).not.toBe(firstToken);
    const [session] = await t.sql<{ id: string }>('SELECT id FROM "Session" WHERE "memberId" = $1 LIMIT 1', [member.id]);
    expect(session!.id).not.toBe(firstToken);
    expect(session!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers wrong passwords and unknown addresses alike', async () => {
    const member = await createMember(t);
    const wrong = await t.client().post('/api/auth/login', { email: member.email, password: 'Niet-Het-Juiste-1' });
    const unknown = await t.client().post('/api/auth/login', { email: 'unknown@example.org', password: 'Niet-Het-Juiste-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('validates log-in input before checking credentials', async () => {
    const response = await t.client().post('/api/auth/login', { email: 'x@example.org' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe('password');
  });

  it('returns the current member, and 401 after log-out', async () => {
    const { member, client } = await memberWithClient(t);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: member.id, email: member.email, twoFactorEnabled: false, twoFactorSetupRequired: false });
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    const after = await client.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthenticated');
    expect((await client.post('/api/auth/logout')).status).toBe(401);
  });

  it('slows down repeated failures per account with growing delays (429)', async () => {
    const member = await createMember(t);
    const client = t.client();
    for (let i = 0; i < 5; i++) expect((await client.post('/api/auth/login', { email: member.email, password: `Verkeerd-wachtwoord-${i}` })).status).toBe(401);
    // Even the right password waits now, from another address too (per-account limit).
    const blocked = await t.client().post('/api/auth/login', { email: member.email, password: member.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const outcomes = await t.sql<{ outcome: string; ipPrefix: string }>('SELECT outcome, "ipPrefix" FROM "LoginAttempt" WHERE "memberId" = $1 OR "emailHash" IN (SELECT "emailHash" FROM "LoginAttempt" WHERE "memberId" = $1) ORDER BY at', [member.id]);
    expect(outcomes.map((row) => row.outcome)).toEqual(['bad_password', 'bad_password', 'bad_password', 'bad_password', 'bad_password', 'rate_limited']);
    expect(outcomes[0]!.ipPrefix).toMatch(/^10\.\d+\.\d+\.0\/24$/);
  });

  it('slows down many failures from one address across accounts (per-IP limit)', async () => {
    const client = t.client();
    for (let i = 0; i < 20; i++) await client.post('/api/auth/login', { email: `spray-${i}@example.org`, password: 'Niet-Het-Juiste-1' });
    const member = await createMember(t);
    const blocked = await client.post('/api/auth/login', { email: member.email, password: member.password });
    expect(blocked.status).toBe(429);
    expect((await signIn(t, member)).cookie('lp_session')).toBeDefined();
  });
});

describe('password reset', () => {
  it('mails a single-use link, sets the new password and ends all sessions', async () => {
    const { member, client: oldSession } = await memberWithClient(t);
    const requester = t.client();
    expect((await requester.post('/api/auth/forgot-password', { email: member.email })).status).toBe(202);
    const mail = await t.mail.waitFor(member.email, /Nieuw wachtwoord/);
    const token = tokenFrom(linkIn(mail.text, '/reset-password'));

    const weak = await requester.post('/api/auth/reset-password', { token, password: 'qwertyuiop' });
    expect(weak.status).toBe(400);
    const done = await requester.post('/api/auth/reset-password', { token, password: 'Nieuw-Sterk-Wachtwoord-9' });
    expect(done.status).toBe(200);
    expect((await requester.post('/api/auth/reset-password', { token, password: 'Nog-Een-Ander-Wachtwoord-9' })).body.code).toBe('token_invalid');
    expect((await oldSession.get('/api/auth/me')).status).toBe(401);
    expect((await signIn(t, { email: member.email, password: 'Nieuw-Sterk-Wachtwoord-9' })).cookie('lp_session')).toBeDefined();
  });

  it('answers the same for unknown addresses and sends nothing', async () => {
    const response = await t.client().post('/api/auth/forgot-password', { email: 'niemand@example.org' });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: true });
    await expect(t.mail.waitFor('niemand@example.org', /./, 1000)).rejects.toThrow();
    expect((await t.client().post('/api/auth/forgot-password', { email: 'x' })).status).toBe(400);
  });
});

describe('CSRF', () => {
  it('refuses state-changing requests without a valid token', async () => {
    const { client } = await memberWithClient(t);
    const missing = await client.post('/api/auth/logout', undefined, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf_invalid');
    const forged = await client.post('/api/auth/logout', undefined, { csrf: false, headers: { 'x-csrf-token': 'forged-token' } });
    expect(forged.status).toBe(403);
    const anonymous = await t.client().post('/api/auth/login', { email: 'a@example.org', password: 'x' }, { csrf: false });
    expect(anonymous.status).toBe(403);
  });
});
