import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithClient, moderatorClient } from './factories/members.js';
import type { HttpClient } from './support/http-client.js';
import { authorise, authorizationRequest, consent, freePort, local, REDIRECT_URI, registerPartner, startAuthorization } from './support/oidc-partner.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: HttpClient;
let partner: Awaited<ReturnType<typeof registerPartner>>;
beforeAll(async () => {
  const port = await freePort();
  t = await startTestApp({ PUBLIC_URL: `http://127.0.0.1:${port}` }, { port });
  admin = await moderatorClient(t, 'admin');
  partner = await registerPartner(t, admin);
});
afterAll(() => t.close());

async function userinfoStatus(accessToken: string): Promise<number> {
  return (await fetch(`${t.url}/oidc/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status;
}

/** An authorization URL with these parameters changed or removed (null). */
function tampered(url: URL, changes: Record<string, string | null>): URL {
  const copy = new URL(url);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) copy.searchParams.delete(name);
    else copy.searchParams.set(name, value);
  }
  return copy;
}

describe('PKCE and authorization codes', () => {
  it('refuses a request without PKCE or with the plain method', async () => {
    const { client: browser } = await memberWithClient(t);
    const { url } = await authorizationRequest(partner.config);
    const variants: Record<string, string | null>[] = [{ code_challenge: null, code_challenge_method: null }, { code_challenge_method: 'plain' }];
    for (const changes of variants) {
      const response = await browser.get(local(tampered(url, changes)), { redirect: 'manual' });
      const location = new URL(response.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('code')).toBeNull();
    }
  });

  it('refuses a wrong code verifier, and a replayed code revokes what the first exchange issued', async () => {
    const { client: browser } = await memberWithClient(t);
    const request = await authorizationRequest(partner.config);
    const started = await startAuthorization(browser, request.url);
    const callback = await consent(browser, started.uid!, ['profile']);
    await expect(
      oidc.authorizationCodeGrant(partner.config, callback, { pkceCodeVerifier: oidc.randomPKCECodeVerifier(), expectedState: request.state }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });

    const again = await authorise(partner.config, browser, ['profile']);
    expect(await userinfoStatus(again.tokens.access_token)).toBe(200);
    await expect(
      oidc.authorizationCodeGrant(partner.config, again.callback, { pkceCodeVerifier: again.request.verifier, expectedState: again.request.state }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await userinfoStatus(again.tokens.access_token)).toBe(401);
  });

  it('detects refresh token reuse and ends the grant', async () => {
    const { client: browser } = await memberWithClient(t);
    const { tokens } = await authorise(partner.config, browser, ['email']);
    const rotated = await oidc.refreshTokenGrant(partner.config, tokens.refresh_token!);
    await expect(oidc.refreshTokenGrant(partner.config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(oidc.refreshTokenGrant(partner.config, rotated.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await userinfoStatus(rotated.access_token)).toBe(401);
  });
});

describe('redirect URIs are matched exactly', () => {
  it.each([
    ['a trailing slash', `${REDIRECT_URI}/`],
    ['another case', REDIRECT_URI.replace('callback', 'Callback')],
    ['an extra query', `${REDIRECT_URI}?next=/admin`],
    ['a look-alike host', 'https://uitgeverij.example.evil.test/callback'],
    ['plain http', REDIRECT_URI.replace('https:', 'http:')],
  ])('refuses %s without redirecting there', async (_name, redirectUri) => {
    const { client: browser } = await memberWithClient(t);
    const { url } = await authorizationRequest(partner.config);
    const response = await browser.get(local(tampered(url, { redirect_uri: redirectUri })), { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.text).toContain('redirect_uri');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('escapes what a request sends back on the error page', async () => {
    const response = await t.client().get(`/oidc/auth?client_id=${encodeURIComponent('<script>alert(1)</script>')}&response_type=code&scope=openid`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.text).not.toContain('<script>alert(1)</script>');
  });
});

describe('the consent screen', () => {
  it('needs a signed-in member, a CSRF token and the interaction cookie of the same browser', async () => {
    const { client: browser } = await memberWithClient(t);
    const { client: other } = await memberWithClient(t);
    const started = await startAuthorization(browser, (await authorizationRequest(partner.config)).url);
    const uid = started.uid!;

    const visitor = t.client();
    expect((await visitor.get(`/api/partner-consent/${uid}/details`)).status).toBe(401);
    expect((await browser.get('/api/partner-consent/bad%20uid!/details')).status).toBe(400);
    expect((await browser.get('/api/partner-consent/abcdefghijklmnopqrstu/details')).status).toBe(404);
    // Without a CSRF token the decision is refused.
    const noCsrf = await browser.post(`/api/partner-consent/${uid}/decision`, { decision: 'allow', scopes: [] }, { csrf: false });
    expect(noCsrf.status).toBe(403);
    // Another member knowing the id, with or without an interaction of their own, gets nothing.
    expect((await other.get(`/api/partner-consent/${uid}/details`)).status).toBe(404);
    expect((await other.post(`/api/partner-consent/${uid}/decision`, { decision: 'allow', scopes: ['email'] })).status).toBe(404);
    await startAuthorization(other, (await authorizationRequest(partner.config)).url);
    expect((await other.post(`/api/partner-consent/${uid}/decision`, { decision: 'allow', scopes: ['email'] })).status).toBe(404);
    // Bad decisions are 400 and record nothing.
    expect((await browser.post(`/api/partner-consent/${uid}/decision`, { decision: 'allow', scopes: ['passwords'] })).status).toBe(400);
    expect((await browser.post(`/api/partner-consent/${uid}/decision`, { decision: 'maybe' })).status).toBe(400);
    const before = await t.sql('SELECT id FROM "PartnerConsent"');
    expect((await browser.post(`/api/partner-consent/${uid}/decision`, { decision: 'allow', scopes: ['email'], extra: true })).status).toBe(400);
    expect(await t.sql('SELECT id FROM "PartnerConsent"')).toEqual(before);
  });

  it('sends the member who refuses back to the partner with access_denied and records nothing', async () => {
    const { member, client: browser } = await memberWithClient(t);
    const started = await startAuthorization(browser, (await authorizationRequest(partner.config)).url);
    const decision = await browser.post(`/api/partner-consent/${started.uid}/decision`, { decision: 'deny' });
    const resumed = await browser.get(local(decision.body.redirectTo), { redirect: 'manual' });
    const location = new URL(resumed.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(await t.sql('SELECT id FROM "PartnerConsent" WHERE "memberId" = $1', [member.id])).toEqual([]);
  });

  it('records one consent when two tabs allow the same request at once', async () => {
    const { member, client: first } = await memberWithClient(t);
    // A second tab: same session, its own authorization request and interaction cookie.
    const second = t.client();
    second.setCookie('lp_session', first.cookie('lp_session')!);
    const a = await startAuthorization(first, (await authorizationRequest(partner.config)).url);
    const b = await startAuthorization(second, (await authorizationRequest(partner.config)).url);
    const [callbackA, callbackB] = await Promise.all([consent(first, a.uid!, ['profile', 'email']), consent(second, b.uid!, ['profile', 'email'])]);
    expect(callbackA.searchParams.get('code')).toBeTruthy();
    expect(callbackB.searchParams.get('code')).toBeTruthy();
    expect(await t.sql('SELECT id FROM "PartnerConsent" WHERE "memberId" = $1', [member.id])).toHaveLength(1);
  });

  it('does not hand out a code for the previous member when another member signs in on the same browser', async () => {
    const { member: first, client: browser } = await memberWithClient(t);
    const { tokens: firstTokens } = await authorise(partner.config, browser, ['profile']);
    const { member: second, client: secondClient } = await memberWithClient(t);
    browser.setCookie('lp_session', secondClient.cookie('lp_session')!);
    const started = await startAuthorization(browser, (await authorizationRequest(partner.config)).url);
    expect(started.callback).toBeUndefined();
    expect(started.uid).toBeDefined();
    const { tokens } = await authorise(partner.config, browser, ['profile']);
    const info = await oidc.fetchUserInfo(partner.config, tokens.access_token, tokens.claims()!.sub);
    expect(info.name).toBe(`${second.firstName} ${second.lastName}`);
    expect(tokens.claims()!.sub).not.toBe(firstTokens.claims()!.sub);
    expect(info.name).not.toBe(`${first.firstName} ${first.lastName}`);
  });

  it('shows partner metadata as data and warns about look-alike names', async () => {
    const { client: browser } = await memberWithClient(t);
    const xss = await registerPartner(t, admin, { name: '<img src=x onerror=alert(1)>' });
    const started = await startAuthorization(browser, (await authorizationRequest(xss.config)).url);
    const details = await browser.get(`/api/partner-consent/${started.uid}/details`);
    expect(details.headers.get('content-type')).toContain('application/json');
    expect(details.body.partner.name).toBe('<img src=x onerror=alert(1)>');

    await registerPartner(t, admin, { name: 'Plantyn' });
    const imitation = await registerPartner(t, admin, { name: 'P1antyn' });
    const imitated = await startAuthorization(browser, (await authorizationRequest(imitation.config)).url);
    expect((await browser.get(`/api/partner-consent/${imitated.uid}/details`)).body.lookAlikeOf).toBe('Plantyn');
  });
});

describe('the member\'s authorisations', () => {
  it('answers 404 for another member\'s authorisation and 401 without a session', async () => {
    const { client: owner } = await memberWithClient(t);
    const { client: other } = await memberWithClient(t);
    await authorise(partner.config, owner, ['profile']);
    const consentId = (await owner.get('/api/account/authorisations')).body.active[0].consentId as string;
    expect((await other.delete(`/api/account/authorisations/${consentId}`)).status).toBe(404);
    expect((await other.get(`/api/account/authorisations/${consentId}/disclosures`)).status).toBe(404);
    expect((await other.get(`/api/account/authorisations/${consentId}/receipt`)).status).toBe(404);
    expect((await other.delete('/api/account/authorisations')).body).toEqual({ withdrawn: 0 });
    expect((await owner.get('/api/account/authorisations')).body.active).toHaveLength(1);
    expect((await t.client().get('/api/account/authorisations')).status).toBe(401);
    expect((await t.client().delete(`/api/account/authorisations/${consentId}`)).status).toBe(401);
    expect((await owner.delete('/api/account/authorisations/not-a-uuid')).status).toBe(400);
    expect((await owner.get(`/api/account/authorisations/${consentId}/disclosures?limit=1000`)).status).toBe(400);
    expect((await owner.delete('/api/account/authorisations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('revokes all, notifying each partner with a signed notice', async () => {
    const received: string[] = [];
    const { createServer } = await import('node:http');
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(body);
        response.writeHead(received.length === 1 ? 503 : 202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const notificationUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/lesplein-events`;
    try {
      const notified = await registerPartner(t, admin, { notificationUrl });
      const { client: browser } = await memberWithClient(t);
      const { tokens } = await authorise(notified.config, browser, ['email']);
      await authorise(partner.config, browser, ['profile']);
      expect((await browser.delete('/api/account/authorisations')).body).toEqual({ withdrawn: 2 });
      expect(await userinfoStatus(tokens.access_token)).toBe(401);
      // The first delivery fails (503); the outbox retries until the partner accepts.
      await expect.poll(() => received.length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(2);
      const { createRemoteJWKSet, jwtVerify } = await import('jose');
      const jwks = createRemoteJWKSet(new URL(`${t.url}/oidc/jwks`));
      const { payload, protectedHeader } = await jwtVerify(received.at(-1)!, jwks, { issuer: `${t.url}/oidc`, audience: notified.credentials.clientId });
      expect(protectedHeader.typ).toBe('secevent+jwt');
      expect(payload.sub).toBe(tokens.claims()!.sub);
      expect(payload.events).toMatchObject({ [`${t.url}/oidc/events/consent-withdrawn`]: { withdrawn_by: 'member', categories: ['openid', 'email'] } });
    } finally {
      server.close();
    }
  });
});

describe('addresses under /oidc that the provider does not serve', () => {
  it('answers 404 problem+json, not Koa\'s plain-text "Not Found" (found by fuzz-outside-nest.e2e-spec.ts)', async () => {
    for (const [method, path] of [
      ['GET', '/oidc/onbekend'],
      ['GET', '/oidc/'],
      ['POST', '/oidc/token/introspection'],
      ['GET', '/oidc/session/end'],
      ['PUT', '/oidc/token'],
      ['PROPFIND', '/oidc/jwks'],
    ] as const) {
      const response = await t.client().request(method, path, undefined, { csrf: false });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get('content-type'), `${method} ${path}`).toContain('application/problem+json');
      expect(response.body, `${method} ${path}`).toMatchObject({ status: 404, code: 'not_found', instance: path });
    }
  });

  it('answers /oidc with only a query like /oidc/ (was 500: the provider got a URL not starting with "/")', async () => {
    for (const path of ['/oidc?x=1', '/oidc?client_id=x&redirect_uri=y']) {
      const response = await t.client().get(path);
      expect(response.status, path).toBe(404);
      expect(response.body.code, path).toBe('not_found');
    }
  });
});
