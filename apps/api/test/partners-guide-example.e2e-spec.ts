import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  discover,
  fetchMe,
  fetchProfile,
  finishLogin,
  refresh,
  startLogin,
  verifyWithdrawalNotice,
  type Configuration,
  type WithdrawalNotice,
} from '../../../docs/partners/example/partner-client.mjs';
import { createPartnerApp } from '../../../docs/partners/example/server.mjs';
import { memberWithClient, moderatorClient } from './factories/members.js';
import { HttpClient } from './support/http-client.js';
import { consent, freePort, local, REDIRECT_URI, registerPartner, startAuthorization } from './support/oidc-partner.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The example in docs/partners/example/ against the real provider: the relying-party functions
 * for the whole flow, and the example partner server (started here, in this process) as the
 * partner's notification URL and as a web application a member signs in to.
 */
let t: TestApp;
let issuer: string;
let clientId: string;
let config: Configuration;
let exampleServer: Server;
let example: ReturnType<typeof createPartnerApp>;
let exampleUrl: string;
const notices: { notice: WithdrawalNotice; token: string }[] = [];
const exampleLog: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  t = await startTestApp({ PUBLIC_URL: `http://127.0.0.1:${port}` }, { port });
  issuer = `${t.url}/oidc`;
  const admin = await moderatorClient(t, 'admin');

  // The partner's server listens first: its /events address is the notification URL to register.
  exampleServer = createServer((req, res) => void example(req, res));
  await new Promise<void>((resolve) => exampleServer.listen(0, '127.0.0.1', resolve));
  exampleUrl = `http://127.0.0.1:${(exampleServer.address() as AddressInfo).port}`;
  const { credentials } = await registerPartner(t, admin, { notificationUrl: `${exampleUrl}/events` });
  clientId = credentials.clientId;

  config = await discover(issuer, clientId, credentials.clientSecret);
  example = createPartnerApp({
    config,
    redirectUri: REDIRECT_URI,
    scopes: 'openid profile email',
    onWithdrawal: (notice, token) => notices.push({ notice, token }),
    log: (message) => exampleLog.push(message),
  });
});

afterAll(async () => {
  await new Promise((resolve) => exampleServer?.close(resolve));
  await t?.close();
});

function noticeFor(consentId: string) {
  return notices.find((entry) => entry.notice.consentId === consentId);
}

describe('the example relying party (docs/partners/example/partner-client.mjs)', () => {
  it('refuses a plain-http issuer other than localhost before any request', async () => {
    await expect(discover('http://lesplein.example/oidc', 'lp_x', 'secret')).rejects.toThrow(/https/);
    await expect(verifyWithdrawalNotice('http://lesplein.example/oidc', 'lp_x', 'a.b.c')).rejects.toThrow(/https/);
  });

  it('signs in, reads the granted data, refreshes, and sees the member revoke it', { timeout: 60_000 }, async () => {
    const { member, client: browser } = await memberWithClient(t, { firstName: 'Ilse', lastName: 'Peeters' });

    // The partner asks for three categories; the member unticks school on our consent screen.
    const login = await startLogin(config, REDIRECT_URI, ['openid', 'profile', 'email', 'school']);
    expect(login.url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(login.url.searchParams.get('state')).toBe(login.state);
    expect(login.url.searchParams.has('code_verifier')).toBe(false);
    const started = await startAuthorization(browser, login.url);
    expect(started.uid).toBeDefined();
    const callback = await consent(browser, started.uid!, ['profile', 'email']);

    const tokens = await finishLogin(config, callback, login);
    expect([...tokens.scopes].sort()).toEqual(['email', 'openid', 'profile']);
    expect(tokens.accessToken.split('.')).toHaveLength(1);
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 600_000);
    expect(tokens.sub).toMatch(/^[0-9a-f]{64}$/);
    expect(tokens.sub).not.toBe(member.id);

    // The data: only the granted categories, the same from userinfo and the partner API.
    const profile = await fetchProfile(config, tokens.accessToken, tokens.sub);
    expect(profile).toEqual({ sub: tokens.sub, name: 'Ilse Peeters', given_name: 'Ilse', family_name: 'Peeters', email: member.email, email_verified: true });
    expect(await fetchMe(config, tokens.accessToken)).toEqual(profile);
    await expect(fetchProfile(config, tokens.accessToken, 'someone-else')).rejects.toThrow();

    // Refresh: a new access token and a new refresh token, the same member.
    const refreshed = await refresh(config, tokens.refreshToken!);
    expect(refreshed.sub).toBe(tokens.sub);
    expect(refreshed.refreshToken).toBeTruthy();
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(await fetchProfile(config, refreshed.accessToken, refreshed.sub)).toEqual(profile);

    // The member revokes the authorisation on their page.
    const consentId = (await browser.get('/api/account/authorisations')).body.active[0].consentId as string;
    expect((await browser.delete(`/api/account/authorisations/${consentId}`)).body).toEqual({ withdrawn: 1 });

    // The notice reaches the example server's /events, which verified it with verifyWithdrawalNotice.
    await expect.poll(() => noticeFor(consentId), { timeout: 30_000, interval: 100 }).toBeDefined();
    const delivered = noticeFor(consentId)!;
    expect(delivered.notice).toMatchObject({ sub: tokens.sub, consentId, withdrawnBy: 'member', categories: ['openid', 'profile', 'email'] });
    expect(Date.parse(delivered.notice.withdrawnAt)).not.toBeNaN();
    const verified = await verifyWithdrawalNotice(issuer, clientId, delivered.token);
    expect(verified).toEqual(delivered.notice);
    // …and only for this client, and only as signed.
    await expect(verifyWithdrawalNotice(issuer, 'lp_another-partner', delivered.token)).rejects.toThrow();
    const [header, payload, signature] = delivered.token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: 'someone-else' })).toString('base64url');
    await expect(verifyWithdrawalNotice(issuer, clientId, `${header}.${forged}.${signature}`)).rejects.toThrow();

    // Every token ended at once.
    await expect(fetchProfile(config, refreshed.accessToken, tokens.sub)).rejects.toMatchObject({ status: 401 });
    await expect(fetchMe(config, refreshed.accessToken)).rejects.toMatchObject({ status: 401 });
    await expect(refresh(config, refreshed.refreshToken!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});

describe('the example partner server (docs/partners/example/server.mjs)', () => {
  it('refuses notices that are not signed Security Event Tokens', async () => {
    const post = (body: string, contentType: string) => fetch(`${exampleUrl}/events`, { method: 'POST', headers: { 'content-type': contentType }, body });
    expect((await post('not.a.token', 'application/secevent+jwt')).status).toBe(400);
    expect((await post('{}', 'application/json')).status).toBe(415);
  });

  it('lets a member sign in, shows the data, and ends the consent when the member leaves', { timeout: 60_000 }, async () => {
    const { member, client: browser } = await memberWithClient(t, { firstName: 'Jonas', lastName: 'Maes' });
    // The partner application's cookies, in the member's browser (no CSRF token: it is not our API).
    const atPartner = new HttpClient(exampleUrl);

    // First the member refuses: the example says so and holds nothing.
    const refusedStart = await atPartner.get('/login', { redirect: 'manual' });
    expect(refusedStart.status).toBe(303);
    const refusal = await startAuthorization(browser, new URL(refusedStart.headers.get('location')!));
    const denied = await browser.post(`/api/partner-consent/${refusal.uid}/decision`, { decision: 'deny' });
    const deniedRedirect = new URL((await browser.get(local(denied.body.redirectTo), { redirect: 'manual' })).headers.get('location')!);
    expect(deniedRedirect.searchParams.get('error')).toBe('access_denied');
    const refusedPage = await atPartner.get(`/callback${deniedRedirect.search}`, { redirect: 'manual' });
    expect(refusedPage.text).toContain('chose not to share');
    expect(example.sessions.size).toBe(0);

    // Then the member allows e-mail only.
    const start = await atPartner.get('/login', { redirect: 'manual' });
    const started = await startAuthorization(browser, new URL(start.headers.get('location')!));
    const callback = await consent(browser, started.uid!, ['email']);
    const landed = await atPartner.get(`/callback${callback.search}`, { redirect: 'manual' });
    expect(landed.status).toBe(303);
    // The PKCE verifier and state were single use.
    expect((await atPartner.get(`/callback${callback.search}`, { redirect: 'manual' })).status).toBe(400);

    const home = await atPartner.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain(member.email);
    expect(home.text).not.toContain('Jonas');
    const [session] = [...example.sessions.values()];
    expect(session).toBeDefined();

    // Leaving the application ends the consent at Lesplein (DELETE /partner-api/v1/me/consent).
    expect((await atPartner.post('/forget', undefined, { csrf: false, redirect: 'manual' })).status).toBe(303);
    expect(example.sessions.size).toBe(0);
    const authorisations = await browser.get('/api/account/authorisations');
    expect(authorisations.body.active).toEqual([]);
    expect(authorisations.body.withdrawn).toEqual([expect.objectContaining({ withdrawnBy: 'partner', grantedScopes: ['openid', 'email'] })]);
    const consentId = authorisations.body.withdrawn[0].consentId as string;
    await expect.poll(() => noticeFor(consentId), { timeout: 30_000, interval: 100 }).toBeDefined();
    expect(noticeFor(consentId)!.notice).toMatchObject({ sub: session!.sub, withdrawnBy: 'partner', categories: ['openid', 'email'] });
    await expect(fetchProfile(config, session!.tokens.accessToken, session!.sub)).rejects.toMatchObject({ status: 401 });
    expect((await atPartner.get('/')).text).toContain('not signed in');
  });
});
