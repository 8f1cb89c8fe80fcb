import { linkIn } from '@lesplein/testing/mail-catcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, memberWithClient, signIn } from './factories/members.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('sessions', () => {
  it('lists my sessions, ends one, and signs out everywhere else', async () => {
    const member = await createMember(t);
    const laptop = await signIn(t, member);
    const phone = await signIn(t, member);
    const tablet = await signIn(t, member);
    const list = await laptop.get('/api/account/sessions');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ userAgent: 'lesplein-api-tests' });
    expect(list.body.items[0].ipPrefix).toMatch(/\/24$/);

    const phoneId = (await phone.get('/api/account/sessions')).body.items.find((s: { current: boolean }) => s.current).id;
    expect((await laptop.delete(`/api/account/sessions/${phoneId}`)).status).toBe(200);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await laptop.delete(`/api/account/sessions/${phoneId}`)).status).toBe(404);
    expect((await laptop.delete('/api/account/sessions/not-a-session')).status).toBe(400);

    const ended = await laptop.post('/api/account/sessions/sign-out-others');
    expect(ended.body).toEqual({ ended: 1 });
    expect((await tablet.get('/api/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
  });

  it("cannot end another member's session (404, as if it did not exist)", async () => {
    const { client: mallory } = await memberWithClient(t);
    const { client: victim } = await memberWithClient(t);
    const victimSession = (await victim.get('/api/account/sessions')).body.items[0].id;
    expect((await mallory.delete(`/api/account/sessions/${victimSession}`)).status).toBe(404);
    expect((await victim.get('/api/auth/me')).status).toBe(200);
  });

  it('needs a session', async () => {
    const anonymous = t.client();
    expect((await anonymous.get('/api/account/sessions')).status).toBe(401);
    expect((await anonymous.get('/api/account/login-history')).status).toBe(401);
    expect((await anonymous.post('/api/account/sessions/sign-out-others')).status).toBe(401);
  });
});

describe('log-in history', () => {
  it('shows my successful log-ins with truncated addresses and the retention', async () => {
    const member = await createMember(t);
    await signIn(t, member);
    const client = await signIn(t, member);
    await t.client().post('/api/auth/login', { email: member.email, password: 'Verkeerd-Wachtwoord-1' });
    const history = await client.get('/api/account/login-history');
    expect(history.status).toBe(200);
    expect(history.body.retentionDays).toBe(90);
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[0].ipPrefix).toMatch(/^10\.\d+\.\d+\.0\/24$/);
    const { client: other } = await memberWithClient(t);
    expect((await other.get('/api/account/login-history')).body.items).toHaveLength(1);
  });
});

describe('password change', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const member = await createMember(t);
    const here = await signIn(t, member);
    const elsewhere = await signIn(t, member);
    const wrong = await here.post('/api/account/password', { currentPassword: 'Verkeerd-Wachtwoord-1', newPassword: 'Een-Nieuw-Wachtwoord-5' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(wrong.body.errors[0].path).toBe('currentPassword');
    expect((await here.post('/api/account/password', { currentPassword: member.password, newPassword: 'abc' })).status).toBe(400);
    expect((await here.post('/api/account/password', { currentPassword: member.password, newPassword: 'iloveyou123' })).body.code).toBe('weak_password');
    const ok = await here.post('/api/account/password', { currentPassword: member.password, newPassword: 'Een-Nieuw-Wachtwoord-5' });
    expect(ok.status).toBe(200);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    await t.mail.waitFor(member.email, /wachtwoord is gewijzigd/);
    expect((await t.client().post('/api/account/password', { currentPassword: 'x', newPassword: 'Een-Nieuw-Wachtwoord-5' })).status).toBe(401);
  });
});

describe('e-mail change', () => {
  it('needs the password, confirms by link to the new address and tells the old one', async () => {
    const { member, client } = await memberWithClient(t);
    expect((await client.post('/api/account/email', { newEmail: 'nieuw@example.org', password: 'Verkeerd-Wachtwoord-1' })).status).toBe(400);
    expect((await client.post('/api/account/email', { newEmail: 'geen-adres', password: member.password })).status).toBe(400);
    expect((await client.post('/api/account/email', { newEmail: member.email, password: member.password })).status).toBe(400);

    const requested = await client.post('/api/account/email', { newEmail: 'Nieuw.Adres@example.org', password: member.password });
    expect(requested.status).toBe(202);
    await t.mail.waitFor(member.email, /Wijziging van je e-mailadres aangevraagd/);
    const confirmation = await t.mail.waitFor('nieuw.adres@example.org', /Bevestig je nieuwe e-mailadres/);
    expect((await client.get('/api/auth/me')).body.email).toBe(member.email);

    const token = new URL(linkIn(confirmation.text, '/confirm-email')).searchParams.get('token')!;
    expect((await t.client().post('/api/auth/confirm-email', { token })).status).toBe(200);
    expect((await client.get('/api/auth/me')).body.email).toBe('nieuw.adres@example.org');
    await t.mail.waitFor(member.email, /Je e-mailadres is gewijzigd/);
    expect((await t.client().post('/api/auth/confirm-email', { token })).body.code).toBe('token_invalid');
    expect((await signIn(t, { email: 'nieuw.adres@example.org', password: member.password })).cookie('lp_session')).toBeDefined();
  });

  it("gives the same answer for another member's address and sends it nothing", async () => {
    const other = await createMember(t);
    const { member, client } = await memberWithClient(t);
    t.mail.clear();
    const response = await client.post('/api/account/email', { newEmail: other.email, password: member.password });
    expect(response.status).toBe(202);
    await t.mail.waitFor(member.email, /aangevraagd/);
    expect(t.mail.all().filter((mail) => mail.to.includes(other.email))).toHaveLength(0);
  });

  it('needs a session and a valid token', async () => {
    expect((await t.client().post('/api/account/email', { newEmail: 'a@example.org', password: 'x' })).status).toBe(401);
    expect((await t.client().post('/api/auth/confirm-email', { token: 'y'.repeat(43) })).status).toBe(400);
  });
});
