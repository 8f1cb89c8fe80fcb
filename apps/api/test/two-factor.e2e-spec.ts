import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, memberWithClient, signIn } from './factories/members.js';
import type { HttpClient } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const step = () => Math.floor(Date.now() / 30_000);
const codeAt = (secret: string, s: number) => generate({ secret, epoch: s * 30 });

/** Enables 2FA with the previous window's code, leaving the current window for the next log-in. */
async function enableTwoFactor(client: HttpClient) {
  const setup = await client.post('/api/account/2fa/setup');
  expect(setup.status).toBe(200);
  const secret: string = setup.body.secret;
  const enabled = await client.post('/api/account/2fa/enable', { code: await codeAt(secret, step() - 1) });
  expect(enabled.status).toBe(200);
  return { secret, recoveryCodes: enabled.body.recoveryCodes as string[] };
}

describe('two-factor authentication', () => {
  it('sets up TOTP, asks for it at log-in, and refuses a replayed code', async () => {
    const { member, client } = await memberWithClient(t);
    const setup = await client.post('/api/account/2fa/setup');
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Lesplein:/);
    const [stored] = await t.sql<{ totpSecret: string }>('SELECT "totpSecret" FROM "Member" WHERE id = $1', [member.id]);
    expect(stored!.totpSecret).not.toContain(setup.body.secret);

    const wrong = await client.post('/api/account/2fa/enable', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('second_factor_invalid');
    expect((await client.post('/api/account/2fa/enable', { code: 'abc' })).status).toBe(400);

    const previous = step() - 1;
    const enabled = await client.post('/api/account/2fa/enable', { code: await codeAt(setup.body.secret, previous) });
    expect(enabled.status).toBe(200);
    expect(enabled.body.recoveryCodes).toHaveLength(10);
    await t.mail.waitFor(member.email, /Tweestapsverificatie ingeschakeld/);
    expect((await client.get('/api/auth/me')).body.twoFactorEnabled).toBe(true);

    const fresh = t.client();
    const first = await fresh.post('/api/auth/login', { email: member.email, password: member.password });
    expect(first.body.status).toBe('second_factor_required');
    expect(fresh.cookie('lp_session')).toBeUndefined();
    const replay = await fresh.post('/api/auth/login/second-factor', { challenge: first.body.challenge, code: await codeAt(setup.body.secret, previous) });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('second_factor_invalid');
    const ok = await fresh.post('/api/auth/login/second-factor', { challenge: first.body.challenge, code: await codeAt(setup.body.secret, step()) });
    expect(ok.status).toBe(200);
    expect(ok.body.member.twoFactorEnabled).toBe(true);
    expect((await fresh.get('/api/auth/me')).status).toBe(200);
    const reuseChallenge = await t.client().post('/api/auth/login/second-factor', { challenge: first.body.challenge, code: '123456' });
    expect(reuseChallenge.status).toBe(401);
    expect(reuseChallenge.body.code).toBe('token_invalid');
  });

  it('accepts each recovery code once', async () => {
    const { member, client } = await memberWithClient(t);
    const { recoveryCodes } = await enableTwoFactor(client);
    const useCode = async (code: string) => {
      const c = t.client();
      const first = await c.post('/api/auth/login', { email: member.email, password: member.password });
      return c.post('/api/auth/login/second-factor', { challenge: first.body.challenge, code });
    };
    expect((await useCode(recoveryCodes[0]!)).status).toBe(200);
    expect((await useCode(recoveryCodes[0]!)).status).toBe(401);
    expect((await useCode(recoveryCodes[1]!.toUpperCase())).status).toBe(200);
  });

  it('limits attempts on one challenge', async () => {
    const { member, client } = await memberWithClient(t);
    await enableTwoFactor(client);
    const c = t.client();
    const first = await c.post('/api/auth/login', { email: member.email, password: member.password });
    for (let i = 0; i < 5; i++) expect((await c.post('/api/auth/login/second-factor', { challenge: first.body.challenge, code: '000000' })).body.code).toBe('second_factor_invalid');
    expect((await c.post('/api/auth/login/second-factor', { challenge: first.body.challenge, code: '000000' })).body.code).toBe('token_invalid');
    expect((await c.post('/api/auth/login/second-factor', { challenge: 'short', code: '000000' })).status).toBe(400);
  });

  it('regenerates recovery codes with the password and disables with password and code', async () => {
    const { member, client } = await memberWithClient(t);
    const { recoveryCodes } = await enableTwoFactor(client);
    expect((await client.post('/api/account/2fa/recovery-codes', { password: 'Verkeerd-Wachtwoord-1' })).status).toBe(400);
    const fresh = await client.post('/api/account/2fa/recovery-codes', { password: member.password });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).not.toContain(recoveryCodes[0]);
    expect((await client.post('/api/account/2fa/disable', { password: member.password, code: recoveryCodes[0] })).status).toBe(400);
    const disabled = await client.post('/api/account/2fa/disable', { password: member.password, code: fresh.body.recoveryCodes[0] });
    expect(disabled.status).toBe(200);
    expect((await client.get('/api/auth/me')).body.twoFactorEnabled).toBe(false);
    expect(await t.sql('SELECT 1 FROM "RecoveryCode" WHERE "memberId" = $1', [member.id])).toHaveLength(0);
    expect((await client.post('/api/account/2fa/disable', { password: member.password, code: '123456' })).status).toBe(409);
  });

  it('refuses set-up twice and 2FA actions when not signed in', async () => {
    const { client } = await memberWithClient(t);
    await enableTwoFactor(client);
    expect((await client.post('/api/account/2fa/setup')).status).toBe(409);
    const anonymous = t.client();
    for (const path of ['/api/account/2fa/setup', '/api/account/2fa/enable', '/api/account/2fa/disable', '/api/account/2fa/recovery-codes']) {
      expect((await anonymous.post(path, {})).status).toBe(401);
    }
  });
});

describe('two-factor authentication required for moderators and admins', () => {
  it('lets a moderator without 2FA only set it up, then everything', async () => {
    const moderator = await createMember(t, { role: 'moderator' });
    const client = await signIn(t, moderator);
    const me = await client.get('/api/auth/me');
    expect(me.body.twoFactorSetupRequired).toBe(true);
    const blocked = await client.get('/api/account/profile');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('second_factor_required');
    const { secret } = await enableTwoFactor(client);
    expect(secret).toBeTruthy();
    expect((await client.get('/api/account/profile')).status).toBe(200);
    const disable = await client.post('/api/account/2fa/disable', { password: moderator.password, code: await codeAt(secret, step()) });
    expect(disable.status).toBe(403);
  });
});
