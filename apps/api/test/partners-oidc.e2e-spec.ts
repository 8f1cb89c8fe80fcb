import http from 'node:http';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithClient, moderatorClient } from './factories/members.js';
import type { HttpClient } from './support/http-client.js';
import { authorise, authorizationRequest, consent, freePort, local, registerPartner, startAuthorization } from './support/oidc-partner.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { ConsentJobsService } from '../src/modules/partners/consent/consent-jobs.service.js';

let t: TestApp;
let admin: HttpClient;
beforeAll(async () => {
  const port = await freePort();
  t = await startTestApp({ PUBLIC_URL: `http://127.0.0.1:${port}` }, { port });
  admin = await moderatorClient(t, 'admin');
});
afterAll(() => t.close());

/** Userinfo with a bearer token, as raw HTTP (status and body). */
async function userinfo(accessToken: string) {
  const response = await fetch(`${t.url}/oidc/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function partnerApi(accessToken: string) {
  const response = await fetch(`${t.url}/partner-api/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the OpenID Connect provider for partners', () => {
  it('publishes its discovery document: code flow with PKCE S256 only, pairwise subjects, no implicit or password grant', async () => {
    const response = await t.client().get('/oidc/.well-known/openid-configuration');
    expect(response.status).toBe(200);
    const metadata = response.body;
    expect(metadata.issuer).toBe(`${t.url}/oidc`);
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.subject_types_supported).toEqual(['pairwise']);
    expect(metadata.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
    expect(metadata.grant_types_supported).not.toContain('implicit');
    expect(metadata.grant_types_supported).not.toContain('password');
    expect(metadata.registration_endpoint).toBeUndefined();
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'school', 'teaching']));
  });

  it("names its endpoints under the issuer, whatever Host or forwarded headers the request came with", async () => {
    // fetch does not let a client choose the Host header; node:http does.
    const body = await new Promise<string>((resolve, reject) => {
      const request = http.get(
        `${t.url}/oidc/.well-known/openid-configuration`,
        { headers: { host: 'lesplein.evil.example', 'x-forwarded-host': 'other.evil.example', 'x-forwarded-proto': 'https' } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => (response.statusCode === 200 ? resolve(text) : reject(new Error(`${response.statusCode} ${text}`))));
        },
      );
      request.on('error', reject);
    });
    const metadata = JSON.parse(body) as Record<string, unknown>;
    expect(metadata.issuer).toBe(`${t.url}/oidc`);
    const urls = Object.entries(metadata).filter(([name]) => name.endsWith('_endpoint') || name === 'jwks_uri');
    expect(urls.map(([name]) => name)).toEqual(expect.arrayContaining(['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'revocation_endpoint', 'jwks_uri']));
    for (const [name, url] of urls) expect(String(url).startsWith(`${t.url}/oidc/`), `${name}: ${String(url)}`).toBe(true);
  });

  it('runs the whole flow with a real relying party: consent per category, userinfo, partner API, refresh, revocation', async () => {
    const { member, client: browser } = await memberWithClient(t, { firstName: 'Ilse', lastName: 'Peeters' });
    await t.sql(`UPDATE "Member" SET school = 'GO! Atheneum Gent', "professionalRole" = 'leerkracht' WHERE id = $1`, [member.id]);
    const { partner, config } = await registerPartner(t, admin);

    // Authorization with PKCE: the browser lands on our consent screen.
    const request = await authorizationRequest(config);
    const started = await startAuthorization(browser, request.url);
    expect(started.status).toBe(303);
    expect(started.uid).toBeDefined();
    const details = await browser.get(`/api/partner-consent/${started.uid}/details`);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ uid: started.uid, scopes: ['openid', 'profile', 'email', 'school', 'teaching'], reason: 'first_time', lookAlikeOf: null, redirectHost: 'uitgeverij.example' });
    expect(details.body.partner).toMatchObject({ id: partner.id, name: partner.name, dpoEmail: 'dpo@uitgeverij.example', notice: { version: 1 } });

    // The member unticks school and teaching.
    const callback = await consent(browser, started.uid!, ['profile', 'email']);
    expect(callback.searchParams.get('state')).toBe(request.state);
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: request.verifier, expectedState: request.state });
    expect(tokens.scope?.split(' ').sort()).toEqual(['email', 'openid', 'profile']);
    expect(tokens.refresh_token).toBeDefined();
    expect(tokens.expires_in).toBeLessThanOrEqual(600);
    // Opaque access token (not a JWT), and no profile data inside the ID token.
    expect(tokens.access_token.split('.')).toHaveLength(1);
    const idClaims = tokens.claims()!;
    expect(idClaims.sub).not.toBe(member.id);
    expect(idClaims).not.toHaveProperty('email');
    expect(idClaims).not.toHaveProperty('name');

    // Userinfo returns exactly the granted categories.
    const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    expect(info).toEqual({ sub: idClaims.sub, name: 'Ilse Peeters', given_name: 'Ilse', family_name: 'Peeters', email: member.email, email_verified: true });
    const viaApi = await partnerApi(tokens.access_token);
    expect(viaApi).toEqual({ status: 200, body: info });

    // Consent evidence, disclosures without values, and the receipt by e-mail.
    const [record] = await t.sql<Record<string, unknown>>('SELECT * FROM "PartnerConsent" WHERE "memberId" = $1', [member.id]);
    expect(record).toMatchObject({ grantedScopes: ['openid', 'profile', 'email'], refusedScopes: ['school', 'teaching'], language: 'nl', subject: idClaims.sub });
    expect(record!.consentTextHash).toMatch(/^[0-9a-f]{64}$/);
    const disclosures = await t.sql<{ channel: string; categories: string[] }>('SELECT channel, categories FROM "PartnerDisclosure" WHERE "memberId" = $1 ORDER BY "disclosedAt"', [member.id]);
    expect(disclosures).toEqual([
      { channel: 'userinfo', categories: ['openid', 'profile', 'email'] },
      { channel: 'partner_api', categories: ['openid', 'profile', 'email'] },
    ]);
    const grantedMail = await t.mail.waitFor(member.email, /toestemming aan/);
    const receipt = JSON.parse(grantedMail.attachments.find((a) => a.filename.endsWith('.json'))!.content);
    expect(receipt).toMatchObject({ version: 'KI-CR-v1.1.0', consentReceiptID: record!.id, piiPrincipalId: member.email, state: { status: 'active' } });
    expect(receipt.services[0].purposes[0].piiCategory.map((c: { category: string }) => c.category)).toEqual(['openid', 'profile', 'email']);

    // The member's page lists it with its last disclosure and history.
    const page = await browser.get('/api/account/authorisations');
    expect(page.body.active).toHaveLength(1);
    const authorisation = page.body.active[0];
    expect(authorisation).toMatchObject({ consentId: record!.id, noticeVersion: 1, noticeOutdated: false, grantedScopes: ['openid', 'profile', 'email'], refusedScopes: ['school', 'teaching'], withdrawnAt: null });
    expect(authorisation.lastDisclosureAt).not.toBeNull();
    const history = await browser.get(`/api/account/authorisations/${record!.id}/disclosures?limit=1`);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0].channel).toBe('partner_api');
    expect((await browser.get(`/api/account/authorisations/${record!.id}/disclosures?cursor=${encodeURIComponent(history.body.nextCursor)}`)).body.items[0].channel).toBe('userinfo');
    const download = await browser.get(`/api/account/authorisations/${record!.id}/receipt`);
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(JSON.parse(download.text).consentReceiptID).toBe(record!.id);

    // Refresh rotates the refresh token.
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect((await userinfo(refreshed.access_token)).status).toBe(200);

    // A second authorization while the consent stands goes straight back to the partner.
    const again = await startAuthorization(browser, (await authorizationRequest(config)).url);
    expect(again.callback?.searchParams.get('code')).toBeTruthy();

    // Revocation from the member's page: at once, every token ends.
    expect((await browser.delete(`/api/account/authorisations/${record!.id}`)).body).toEqual({ withdrawn: 1 });
    expect((await userinfo(refreshed.access_token)).status).toBe(401);
    expect((await partnerApi(refreshed.access_token)).status).toBe(401);
    await expect(oidc.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    const withdrawnMail = await t.mail.waitFor(member.email, /ingetrokken/);
    expect(JSON.parse(withdrawnMail.attachments[0]!.content).state).toMatchObject({ status: 'withdrawn', withdrawnBy: 'member' });
    expect((await browser.get('/api/account/authorisations')).body).toMatchObject({ active: [], withdrawn: [{ consentId: record!.id, withdrawnBy: 'member' }] });
    // Revoking twice changes nothing.
    expect((await browser.delete(`/api/account/authorisations/${record!.id}`)).body).toEqual({ withdrawn: 0 });

    // The next authorization asks again.
    const afterRevocation = await startAuthorization(browser, (await authorizationRequest(config)).url);
    expect(afterRevocation.uid).toBeDefined();
    expect((await browser.get(`/api/partner-consent/${afterRevocation.uid}/details`)).body.reason).toBe('withdrawn');
  });

  it('gives two partners different subject identifiers for the same member', async () => {
    const { client: browser } = await memberWithClient(t);
    const first = await registerPartner(t, admin);
    const second = await registerPartner(t, admin);
    const a = await authorise(first.config, browser, []);
    const b = await authorise(second.config, browser, []);
    expect(a.tokens.claims()!.sub).not.toBe(b.tokens.claims()!.sub);
    // openid only: the identifier and nothing else.
    expect(await oidc.fetchUserInfo(first.config, a.tokens.access_token, a.tokens.claims()!.sub)).toEqual({ sub: a.tokens.claims()!.sub });
  });

  it('asks again after a new notice version, and the consent records the version', async () => {
    const { member, client: browser } = await memberWithClient(t);
    const { partner, config } = await registerPartner(t, admin);
    const first = await authorise(config, browser, ['profile']);
    const notice = await admin.post(`/api/admin/partners/${partner.id}/notices`, {
      serviceDescription: 'Nieuw platform',
      purposes: 'Ook oefeningen op maat',
      dataCategories: ['openid', 'profile', 'email', 'school', 'teaching'],
      retention: '2 jaar',
      storageLocation: 'België',
      subProcessors: [],
    });
    expect(notice.status).toBe(201);
    expect((await browser.get('/api/account/authorisations')).body.active[0].noticeOutdated).toBe(true);
    const started = await startAuthorization(browser, (await authorizationRequest(config)).url);
    expect(started.uid).toBeDefined();
    expect((await browser.get(`/api/partner-consent/${started.uid}/details`)).body).toMatchObject({ reason: 'new_notice_version', previouslyGranted: ['openid', 'profile'] });
    await consent(browser, started.uid!, ['profile']);
    const rows = await t.sql<{ version: number; withdrawn: boolean }>(
      `SELECT n.version, w."consentId" IS NOT NULL AS withdrawn FROM "PartnerConsent" c JOIN "PartnerNotice" n ON n.id = c."noticeId" LEFT JOIN "PartnerConsentWithdrawal" w ON w."consentId" = c.id WHERE c."memberId" = $1 ORDER BY c."grantedAt"`,
      [member.id],
    );
    expect(rows).toEqual([{ version: 1, withdrawn: true }, { version: 2, withdrawn: false }]);
    // The tokens of the superseded consent end.
    expect((await userinfo(first.tokens.access_token)).status).toBe(401);
  });

  it('lets the member change their choice when the partner asks again (prompt=consent)', async () => {
    const { member, client: browser } = await memberWithClient(t);
    const { config } = await registerPartner(t, admin);
    const first = await authorise(config, browser, ['profile']);
    const request = await authorizationRequest(config, 'openid profile email', { prompt: 'consent' });
    const started = await startAuthorization(browser, request.url);
    expect(started.uid).toBeDefined();
    const callback = await consent(browser, started.uid!, ['profile', 'email']);
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: request.verifier, expectedState: request.state });
    expect(Object.keys(await oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub)).sort()).toEqual(['email', 'email_verified', 'family_name', 'given_name', 'name', 'sub']);
    // The earlier consent is replaced (and its tokens end); one active record remains.
    expect((await userinfo(first.tokens.access_token)).status).toBe(401);
    const page = (await browser.get('/api/account/authorisations')).body;
    expect(page.active).toHaveLength(1);
    expect(page.active[0].grantedScopes).toEqual(['openid', 'profile', 'email']);
    expect(page.withdrawn).toHaveLength(1);
    expect(await t.sql('SELECT id FROM "PartnerConsent" WHERE "memberId" = $1', [member.id])).toHaveLength(2);
  });

  it('asks again after a suspension, and a suspended partner cannot start a flow', async () => {
    const { client: browser } = await memberWithClient(t);
    const { partner, config } = await registerPartner(t, admin);
    const { tokens } = await authorise(config, browser, ['email']);
    expect((await admin.post(`/api/admin/partners/${partner.id}/suspend`)).status).toBe(200);
    expect((await userinfo(tokens.access_token)).status).toBe(401);
    const suspended = await browser.get(local((await authorizationRequest(config)).url), { redirect: 'manual' });
    expect(suspended.status).toBe(400);
    expect(suspended.text).toContain('invalid_client');
    expect((await admin.post(`/api/admin/partners/${partner.id}/reactivate`)).status).toBe(200);
    const started = await startAuthorization(browser, (await authorizationRequest(config)).url);
    expect(started.uid).toBeDefined();
  });

  it('lets the partner end the consent through the partner API', async () => {
    const { member, client: browser } = await memberWithClient(t);
    const { config } = await registerPartner(t, admin);
    const { tokens } = await authorise(config, browser, ['email']);
    const response = await fetch(`${t.url}/partner-api/v1/me/consent`, { method: 'DELETE', headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(response.status).toBe(204);
    expect((await partnerApi(tokens.access_token)).status).toBe(401);
    const [row] = await t.sql<{ withdrawnBy: string }>('SELECT w."withdrawnBy" FROM "PartnerConsentWithdrawal" w JOIN "PartnerConsent" c ON c.id = w."consentId" WHERE c."memberId" = $1', [member.id]);
    expect(row?.withdrawnBy).toBe('partner');
    expect((await fetch(`${t.url}/partner-api/v1/me`)).status).toBe(401);
    expect((await fetch(`${t.url}/partner-api/v1/me`, { headers: { authorization: 'Bearer not-a-token-at-all-0123456789' } })).status).toBe(401);
  });
});

describe('consent records are evidence', () => {
  it('cannot be changed or deleted by the application, only added to', async () => {
    const { member, client: browser } = await memberWithClient(t);
    const { config } = await registerPartner(t, admin);
    await authorise(config, browser, ['profile']);
    const [record] = await t.sql<{ id: string }>('SELECT id FROM "PartnerConsent" WHERE "memberId" = $1', [member.id]);
    await expect(t.sql(`UPDATE "PartnerConsent" SET "grantedScopes" = '{openid,profile,email}' WHERE id = $1`, [record!.id])).rejects.toThrow(/append-only/);
    await expect(t.sql('DELETE FROM "PartnerConsent" WHERE id = $1', [record!.id])).rejects.toThrow(/append-only/);
    await expect(t.sql('TRUNCATE "PartnerConsentWithdrawal"')).rejects.toThrow(/append-only/);
    await browser.delete(`/api/account/authorisations/${record!.id}`);
    await expect(t.sql(`UPDATE "PartnerConsentWithdrawal" SET "withdrawnBy" = 'admin' WHERE "consentId" = $1`, [record!.id])).rejects.toThrow(/append-only/);
    // Detaching the member (account deletion) is the one change allowed.
    await t.sql('UPDATE "PartnerConsent" SET "memberId" = NULL WHERE id = $1', [record!.id]);
    expect((await t.sql('SELECT "memberId" FROM "PartnerConsent" WHERE id = $1', [record!.id]))[0]).toEqual({ memberId: null });
  });
});

describe('retention', () => {
  it('purges expired provider artefacts and disclosures older than two years, and keeps the consent evidence', async () => {
    const { member, client: browser } = await memberWithClient(t);
    const { config } = await registerPartner(t, admin);
    const { tokens } = await authorise(config, browser, ['email']);
    await oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub);
    await t.sql(`UPDATE "PartnerDisclosure" SET "disclosedAt" = now() - interval '731 days' WHERE "memberId" = $1`, [member.id]);
    await t.sql(`UPDATE "OidcPayload" SET "expiresAt" = now() - interval '1 minute' WHERE "accountId" = $1 AND type = 'AccessToken'`, [member.id]);
    const result = await t.app.get(ConsentJobsService).purge();
    expect(result.disclosures).toBeGreaterThanOrEqual(1);
    expect(result.artefacts).toBeGreaterThanOrEqual(1);
    expect(await t.sql('SELECT id FROM "PartnerDisclosure" WHERE "memberId" = $1', [member.id])).toEqual([]);
    expect(await t.sql(`SELECT id FROM "OidcPayload" WHERE "accountId" = $1 AND type = 'AccessToken'`, [member.id])).toEqual([]);
    expect((await userinfo(tokens.access_token)).status).toBe(401);
    expect(await t.sql('SELECT id FROM "PartnerConsent" WHERE "memberId" = $1', [member.id])).toHaveLength(1);
    expect(await t.sql(`SELECT id FROM "OidcPayload" WHERE "accountId" = $1 AND type = 'RefreshToken'`, [member.id])).toHaveLength(1);
  });
});
