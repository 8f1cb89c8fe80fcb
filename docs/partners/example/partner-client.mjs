// @ts-check
/**
 * A Lesplein relying party in a few functions: what a partner's server needs to let a member sign
 * in with Lesplein, read the data the member agreed to share, keep the session alive with refresh
 * tokens, end the consent, and verify our withdrawal notices.
 *
 * Plain JavaScript (ESM) with JSDoc types, no build step. Dependencies: `openid-client` (v6) and
 * `jose` (v6). See ../README.md for the rules these functions follow.
 */
import * as client from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';

/** @typedef {client.Configuration} Configuration */

/**
 * @typedef {object} DiscoverOptions
 * @property {'client_secret_basic' | 'client_secret_post' | 'none'} [clientAuth]
 *   How your client was registered: `client_secret_basic` by default when you have a secret,
 *   `none` (a public client, PKCE only) when you have none.
 * @property {number} [timeout] Seconds to wait for each request to Lesplein (default 30).
 */

/**
 * @typedef {object} Tokens
 * @property {string} sub The member's pseudonymous identifier for your client (from the ID token).
 * @property {string} accessToken Opaque; valid 10 minutes; send it only to Lesplein.
 * @property {string | undefined} refreshToken Single use: store the new one, forget the old one.
 * @property {Date} expiresAt When the access token ends.
 * @property {string[]} scopes The categories the member actually granted (they may untick some).
 */

/**
 * @typedef {object} WithdrawalNotice
 * @property {string} sub The member's pseudonymous identifier for your client.
 * @property {string} consentId The consent that ended (the same for every delivery of the notice).
 * @property {string} withdrawnAt ISO 8601 time of the withdrawal.
 * @property {'member' | 'admin' | 'partner' | 'account_deletion'} withdrawnBy Who ended it.
 * @property {string[]} categories The categories that had been granted.
 * @property {string} jti This delivery's identifier (a retry is signed anew with another one).
 * @property {number} issuedAt Seconds since the epoch.
 */

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The issuer as a URL; https, or plain http only for a Lesplein on this machine.
 * @param {string | URL} issuerUrl
 */
function issuerOf(issuerUrl) {
  const issuer = new URL(issuerUrl);
  if (issuer.protocol === 'https:') return { issuer, local: false };
  if (issuer.protocol === 'http:' && LOCAL_HOSTS.has(issuer.hostname)) return { issuer, local: true };
  throw new Error(`Lesplein's issuer must be an https URL (plain http only for localhost): ${issuer.href}`);
}

/**
 * Reads Lesplein's discovery document and returns the client configuration for the other calls.
 *
 * @param {string | URL} issuerUrl `<PUBLIC_URL>/oidc`, exactly as Lesplein publishes it (no trailing slash).
 * @param {string} clientId
 * @param {string | undefined} clientSecret `undefined` for a public client (client authentication `none`).
 * @param {DiscoverOptions} [options]
 * @returns {Promise<Configuration>}
 */
export async function discover(issuerUrl, clientId, clientSecret, options = {}) {
  const { issuer, local } = issuerOf(issuerUrl);
  const method = options.clientAuth ?? (clientSecret ? 'client_secret_basic' : 'none');
  if (method !== 'none' && !clientSecret) throw new Error(`Client authentication ${method} needs the client secret`);
  const auth = method === 'client_secret_basic' ? client.ClientSecretBasic(/** @type {string} */ (clientSecret))
    : method === 'client_secret_post' ? client.ClientSecretPost(/** @type {string} */ (clientSecret))
      : client.None();
  /** @type {Array<(config: Configuration) => void>} */
  const execute = [];
  // openid-client refuses plain-http servers. Allow it ONLY for a Lesplein running on this
  // machine (development, tests); issuerOf() has already refused plain http anywhere else.
  if (local) execute.push(client.allowInsecureRequests);
  return client.discovery(issuer, clientId, method === 'none' ? undefined : { client_secret: clientSecret }, auth, {
    execute,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
}

/**
 * Starts a log-in: the URL to send the member's browser to, and the two values to keep on your
 * side until the callback (in the member's session, never in the URL).
 *
 * @param {Configuration} config
 * @param {string} redirectUri Exactly as registered (character for character).
 * @param {string | string[]} scopes `openid` plus the categories you need, e.g. "openid profile email".
 * @returns {Promise<{ url: URL, verifier: string, state: string }>}
 */
export async function startLogin(config, redirectUri, scopes) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: Array.isArray(scopes) ? scopes.join(' ') : scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  return { url, verifier, state };
}

/**
 * @param {client.TokenEndpointResponse & client.TokenEndpointResponseHelpers} response
 * @returns {Tokens}
 */
function tokensOf(response) {
  const sub = response.claims()?.sub;
  if (!sub) throw new Error('Lesplein answered without an ID token');
  return {
    sub,
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: new Date(Date.now() + (response.expires_in ?? 0) * 1000),
    scopes: (response.scope ?? '').split(' ').filter(Boolean),
  };
}

/**
 * Finishes a log-in on your redirect URI: checks `state` and `iss`, exchanges the code (once,
 * within 60 seconds) with the PKCE verifier, and validates the ID token.
 *
 * Throws an `AuthorizationResponseError` whose `error` is `access_denied` when the member refused,
 * and a `ResponseBodyError` with `error` `invalid_grant` for a used, expired or wrong code.
 *
 * @param {Configuration} config
 * @param {string | URL} callbackUrl The full URL the browser arrived on: your registered redirect
 *   URI plus the query Lesplein added (`code`, `state`, `iss`).
 * @param {{ verifier: string, state: string }} expected What startLogin returned for this browser.
 * @returns {Promise<Tokens>}
 */
export async function finishLogin(config, callbackUrl, expected) {
  const response = await client.authorizationCodeGrant(config, new URL(callbackUrl), {
    pkceCodeVerifier: expected.verifier,
    expectedState: expected.state,
    idTokenExpected: true,
  });
  return tokensOf(response);
}

/**
 * The member's data in the categories they granted, from the userinfo endpoint. The ID token
 * never carries it.
 *
 * Throws a `WWWAuthenticateChallengeError` with `status` 401 (`invalid_token`) when the access
 * token expired or the consent ended: refresh once; if that fails with `invalid_grant`, the
 * member has to sign in again.
 *
 * @param {Configuration} config
 * @param {string} accessToken
 * @param {string} sub The `sub` of this member's tokens (checked against the answer).
 * @returns {Promise<client.UserInfoResponse>}
 */
export function fetchProfile(config, accessToken, sub) {
  return client.fetchUserInfo(config, accessToken, sub);
}

/**
 * New tokens for the member. The refresh token rotates: store the returned one and forget the
 * one you sent. Presenting a used refresh token again ends the whole grant, so never refresh
 * twice in parallel with the same token.
 *
 * Throws a `ResponseBodyError` with `error` `invalid_grant` when the consent ended, the token was
 * already used, or it expired: the member has to sign in again.
 *
 * @param {Configuration} config
 * @param {string} refreshToken
 * @returns {Promise<Tokens>}
 */
export async function refresh(config, refreshToken) {
  return tokensOf(await client.refreshTokenGrant(config, refreshToken));
}

/**
 * An address of the partner API, next to the issuer: `<PUBLIC_URL>/partner-api/v1/...`.
 * @param {Configuration} config
 * @param {string} path
 */
function partnerApiUrl(config, path) {
  // The issuer is <PUBLIC_URL>/oidc; resolving against it replaces its last segment.
  return new URL(`partner-api/v1/${path}`, config.serverMetadata().issuer);
}

/**
 * An error from the partner API, with its HTTP status (401: the token expired or was revoked).
 */
export class PartnerApiError extends Error {
  /**
   * @param {number} status
   * @param {string} detail
   */
  constructor(status, detail) {
    super(`Lesplein partner API answered ${status}: ${detail}`);
    this.name = 'PartnerApiError';
    this.status = status;
  }
}

/**
 * @param {Response} response
 */
async function failure(response) {
  const text = await response.text();
  /** @type {string} */
  let detail = text;
  try {
    detail = JSON.parse(text).detail ?? text;
  } catch {
    // not JSON: keep the text
  }
  return new PartnerApiError(response.status, detail);
}

/**
 * The same claims as userinfo, from the partner API (`GET /partner-api/v1/me`).
 * Throws a `PartnerApiError` (status 401) once the token expired or the consent ended.
 *
 * @param {Configuration} config
 * @param {string} accessToken
 * @returns {Promise<Record<string, unknown> & { sub: string }>}
 */
export async function fetchMe(config, accessToken) {
  const response = await fetch(partnerApiUrl(config, 'me'), { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' }, redirect: 'error' });
  if (!response.ok) throw await failure(response);
  return /** @type {Record<string, unknown> & { sub: string }} */ (await response.json());
}

/**
 * Ends the member's consent from your side (`DELETE /partner-api/v1/me/consent`), e.g. when the
 * member closes their account with you. Every token of this member for your client ends at once,
 * the member is told, and your notification URL receives the withdrawal notice too.
 *
 * @param {Configuration} config
 * @param {string} accessToken A valid access token of that member.
 * @returns {Promise<void>}
 */
export async function endConsent(config, accessToken) {
  const response = await fetch(partnerApiUrl(config, 'me/consent'), { method: 'DELETE', headers: { authorization: `Bearer ${accessToken}` }, redirect: 'error' });
  if (response.status !== 204) throw await failure(response);
}

/** @type {Map<string, ReturnType<typeof createRemoteJWKSet>>} */
const keySets = new Map();

/**
 * Lesplein's public keys (cached; refetched when a notice names an unknown key).
 * @param {URL} issuer
 * @param {boolean} local
 */
async function keySetOf(issuer, local) {
  let keySet = keySets.get(issuer.href);
  if (!keySet) {
    const response = await fetch(new URL(`${issuer.href}/.well-known/openid-configuration`), { headers: { accept: 'application/json' }, redirect: 'error' });
    if (!response.ok) throw new Error(`Lesplein's discovery document answered ${response.status}`);
    const metadata = /** @type {{ issuer?: string, jwks_uri?: string }} */ (await response.json());
    if (metadata.issuer !== issuer.href || !metadata.jwks_uri) throw new Error('Unexpected discovery document');
    const jwksUri = new URL(metadata.jwks_uri);
    if (jwksUri.protocol !== 'https:' && !(local && jwksUri.origin === issuer.origin)) throw new Error(`Refusing a JWKS at ${jwksUri.href}`);
    keySet = createRemoteJWKSet(jwksUri);
    keySets.set(issuer.href, keySet);
  }
  return keySet;
}

/**
 * Verifies a withdrawal notice that Lesplein POSTed to your notification URL (the request body,
 * a Security Event Token, RFC 8417): signature (RS256, Lesplein's JWKS), `typ` secevent+jwt,
 * issuer, audience (your client id), age, and the event itself. Throws when anything is off.
 *
 * @param {string | URL} issuerUrl `<PUBLIC_URL>/oidc`.
 * @param {string} clientId Your client id.
 * @param {string | Uint8Array} body The raw request body.
 * @returns {Promise<WithdrawalNotice>}
 */
export async function verifyWithdrawalNotice(issuerUrl, clientId, body) {
  const { issuer, local } = issuerOf(issuerUrl);
  const token = typeof body === 'string' ? body.trim() : new TextDecoder().decode(body).trim();
  const { payload } = await jwtVerify(token, await keySetOf(issuer, local), {
    issuer: issuer.href,
    audience: clientId,
    typ: 'secevent+jwt',
    algorithms: ['RS256'],
    requiredClaims: ['iat', 'jti', 'sub', 'events'],
    // Each delivery is signed when it is sent: an old token is a replay.
    maxTokenAge: '10 minutes',
    clockTolerance: 60,
  });
  const events = /** @type {Record<string, Record<string, unknown>>} */ (payload.events);
  const event = events?.[`${issuer.href}/events/consent-withdrawn`];
  if (!event || typeof event.consent_id !== 'string' || typeof event.withdrawn_at !== 'string' || typeof event.withdrawn_by !== 'string' || !Array.isArray(event.categories)) {
    throw new Error('Not a consent-withdrawn event');
  }
  return {
    sub: /** @type {string} */ (payload.sub),
    consentId: event.consent_id,
    withdrawnAt: event.withdrawn_at,
    withdrawnBy: /** @type {WithdrawalNotice['withdrawnBy']} */ (event.withdrawn_by),
    categories: event.categories.map(String),
    jti: /** @type {string} */ (payload.jti),
    issuedAt: /** @type {number} */ (payload.iat),
  };
}
