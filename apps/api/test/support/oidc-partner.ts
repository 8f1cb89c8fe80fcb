import * as oidc from 'openid-client';
import type { HttpClient } from './http-client.js';
import type { TestApp } from './test-app.js';

/** A free loopback port, so the test app's PUBLIC_URL (the issuer) can name the port it listens on. */
export { freePort } from '../../src/core/database/embedded-postgres.js';

export const REDIRECT_URI = 'https://uitgeverij.example/callback';

/** A partner registered by an admin through the API, and its OpenID Connect client configuration (openid-client). */
export async function registerPartner(
  t: Pick<TestApp, 'url'>,
  admin: HttpClient,
  overrides: Partial<{ name: string; allowedScopes: string[]; notificationUrl: string | null; redirectUris: string[] }> = {},
) {
  const allowedScopes = overrides.allowedScopes ?? ['openid', 'profile', 'email', 'school', 'teaching'];
  const response = await admin.post('/api/admin/partners', {
    name: overrides.name ?? `Uitgeverij ${Math.random().toString(36).slice(2, 8)}`,
    legalName: 'Uitgeverij Voorbeeld NV',
    address: 'Kerkstraat 1, 9000 Gent',
    contactEmail: 'contact@uitgeverij.example',
    dpoEmail: 'dpo@uitgeverij.example',
    websiteUrl: 'https://uitgeverij.example',
    privacyPolicyUrl: 'https://uitgeverij.example/privacy',
    notificationUrl: overrides.notificationUrl ?? null,
    redirectUris: overrides.redirectUris ?? [REDIRECT_URI],
    allowedScopes,
    notice: {
      serviceDescription: 'Digitaal lesplatform bij de handboeken',
      purposes: 'Een account aanmaken en lesmateriaal tonen dat past bij je vakken',
      dataCategories: allowedScopes,
      retention: 'Tot 1 jaar na het laatste gebruik',
      storageLocation: 'Europese Unie',
      subProcessors: ['Hostingbedrijf BV'],
    },
  });
  if (response.status !== 201) throw new Error(`Partner registration failed: ${response.status} ${response.text}`);
  const { partner, credentials } = response.body as { partner: { id: string; name: string }; credentials: { clientId: string; clientSecret: string } };
  const config = await oidc.discovery(new URL(`${t.url}/oidc`), credentials.clientId, credentials.clientSecret, undefined, { execute: [oidc.allowInsecureRequests] });
  return { partner, credentials, config };
}

/** An authorization request with PKCE S256, as a partner's server builds it. */
export async function authorizationRequest(config: oidc.Configuration, scope = 'openid profile email school teaching', extra: Record<string, string> = {}) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    ...extra,
  });
  return { url, verifier, state };
}

/** Path and query of an absolute URL on the test app (the HTTP client adds the origin). */
export function local(url: string | URL): string {
  const parsed = new URL(url, 'http://x');
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * Follows the browser's way from the authorization URL to the consent screen; returns the
 * interaction id, or the redirect to the partner when no consent was needed.
 */
export async function startAuthorization(browser: HttpClient, url: URL): Promise<{ uid?: string; callback?: URL; status: number; location: string | null }> {
  const first = await browser.get(local(url), { redirect: 'manual' });
  const location = first.headers.get('location');
  if (!location) return { status: first.status, location };
  if (location.startsWith(REDIRECT_URI)) return { callback: new URL(location), status: first.status, location };
  const entry = await browser.get(local(location), { redirect: 'manual' });
  const uid = /\/consent\/([A-Za-z0-9_-]+)$/.exec(entry.headers.get('location') ?? '')?.[1];
  return { uid, status: first.status, location };
}

/** The member's decision on the consent screen, then the provider's redirect back to the partner. */
export async function consent(browser: HttpClient, uid: string, scopes: string[]): Promise<URL> {
  const decision = await browser.post(`/api/partner-consent/${uid}/decision`, { decision: 'allow', scopes, language: 'nl' });
  if (decision.status !== 200) throw new Error(`Consent failed: ${decision.status} ${decision.text}`);
  const resumed = await browser.get(local(decision.body.redirectTo), { redirect: 'manual' });
  const location = resumed.headers.get('location');
  if (!location?.startsWith(REDIRECT_URI)) throw new Error(`No redirect to the partner: ${resumed.status} ${location} ${resumed.text}`);
  return new URL(location);
}

/** The whole flow for a signed-in member: authorization, consent for these categories, code exchange. */
export async function authorise(
  config: oidc.Configuration,
  browser: HttpClient,
  scopes: string[],
): Promise<{ tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers; request: Awaited<ReturnType<typeof authorizationRequest>>; callback: URL }> {
  const request = await authorizationRequest(config);
  const started = await startAuthorization(browser, request.url);
  const callback = started.callback ?? (await consent(browser, started.uid!, scopes));
  const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: request.verifier, expectedState: request.state });
  return { tokens, request, callback };
}
