// Types for partner-client.mjs, generated from its JSDoc (do not edit by hand; after changing partner-client.mjs, regenerate it and put these two comment lines back):
//   npx tsc --allowJs --declaration --emitDeclarationOnly --strict --module nodenext --target es2023 --types node --skipLibCheck --outDir docs/partners/example docs/partners/example/partner-client.mjs
/**
 * Reads Lesplein's discovery document and returns the client configuration for the other calls.
 *
 * @param {string | URL} issuerUrl `<PUBLIC_URL>/oidc`, exactly as Lesplein publishes it (no trailing slash).
 * @param {string} clientId
 * @param {string | undefined} clientSecret `undefined` for a public client (client authentication `none`).
 * @param {DiscoverOptions} [options]
 * @returns {Promise<Configuration>}
 */
export function discover(issuerUrl: string | URL, clientId: string, clientSecret: string | undefined, options?: DiscoverOptions): Promise<Configuration>;
/**
 * Starts a log-in: the URL to send the member's browser to, and the two values to keep on your
 * side until the callback (in the member's session, never in the URL).
 *
 * @param {Configuration} config
 * @param {string} redirectUri Exactly as registered (character for character).
 * @param {string | string[]} scopes `openid` plus the categories you need, e.g. "openid profile email".
 * @returns {Promise<{ url: URL, verifier: string, state: string }>}
 */
export function startLogin(config: Configuration, redirectUri: string, scopes: string | string[]): Promise<{
    url: URL;
    verifier: string;
    state: string;
}>;
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
export function finishLogin(config: Configuration, callbackUrl: string | URL, expected: {
    verifier: string;
    state: string;
}): Promise<Tokens>;
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
export function fetchProfile(config: Configuration, accessToken: string, sub: string): Promise<client.UserInfoResponse>;
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
export function refresh(config: Configuration, refreshToken: string): Promise<Tokens>;
/**
 * The same claims as userinfo, from the partner API (`GET /partner-api/v1/me`).
 * Throws a `PartnerApiError` (status 401) once the token expired or the consent ended.
 *
 * @param {Configuration} config
 * @param {string} accessToken
 * @returns {Promise<Record<string, unknown> & { sub: string }>}
 */
export function fetchMe(config: Configuration, accessToken: string): Promise<Record<string, unknown> & {
    sub: string;
}>;
/**
 * Ends the member's consent from your side (`DELETE /partner-api/v1/me/consent`), e.g. when the
 * member closes their account with you. Every token of this member for your client ends at once,
 * the member is told, and your notification URL receives the withdrawal notice too.
 *
 * @param {Configuration} config
 * @param {string} accessToken A valid access token of that member.
 * @returns {Promise<void>}
 */
export function endConsent(config: Configuration, accessToken: string): Promise<void>;
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
export function verifyWithdrawalNotice(issuerUrl: string | URL, clientId: string, body: string | Uint8Array): Promise<WithdrawalNotice>;
/**
 * An error from the partner API, with its HTTP status (401: the token expired or was revoked).
 */
export class PartnerApiError extends Error {
    /**
     * @param {number} status
     * @param {string} detail
     */
    constructor(status: number, detail: string);
    status: number;
}
export type Configuration = client.Configuration;
export type DiscoverOptions = {
    /**
     * How your client was registered: `client_secret_basic` by default when you have a secret,
     * `none` (a public client, PKCE only) when you have none.
     */
    clientAuth?: "client_secret_basic" | "client_secret_post" | "none" | undefined;
    /**
     * Seconds to wait for each request to Lesplein (default 30).
     */
    timeout?: number | undefined;
};
export type Tokens = {
    /**
     * The member's pseudonymous identifier for your client (from the ID token).
     */
    sub: string;
    /**
     * Opaque; valid 10 minutes; send it only to Lesplein.
     */
    accessToken: string;
    /**
     * Single use: store the new one, forget the old one.
     */
    refreshToken: string | undefined;
    /**
     * When the access token ends.
     */
    expiresAt: Date;
    /**
     * The categories the member actually granted (they may untick some).
     */
    scopes: string[];
};
export type WithdrawalNotice = {
    /**
     * The member's pseudonymous identifier for your client.
     */
    sub: string;
    /**
     * The consent that ended (the same for every delivery of the notice).
     */
    consentId: string;
    /**
     * ISO 8601 time of the withdrawal.
     */
    withdrawnAt: string;
    /**
     * Who ended it.
     */
    withdrawnBy: "member" | "admin" | "partner" | "account_deletion";
    /**
     * The categories that had been granted.
     */
    categories: string[];
    /**
     * This delivery's identifier (a retry is signed anew with another one).
     */
    jti: string;
    /**
     * Seconds since the epoch.
     */
    issuedAt: number;
};
import * as client from 'openid-client';
