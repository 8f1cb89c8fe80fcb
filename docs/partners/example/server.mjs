// @ts-check
/**
 * A tiny partner application (node:http, no framework) that lets a member sign in with Lesplein,
 * shows the data they agreed to share, and erases it when the consent ends.
 *
 *   GET  /          the signed-in member's data, or a "Sign in with Lesplein" link
 *   GET  /login     starts the log-in (authorization code + PKCE) and redirects to Lesplein
 *   GET  /callback  the redirect URI: finishes the log-in
 *   POST /forget    the member leaves this application: ends the consent at Lesplein, erases the data
 *   POST /events    the notification URL: Lesplein's signed withdrawal notices
 *
 * Run it against a Lesplein on your machine (from the repository root):
 *
 *   1. npm start                  # builds and starts Lesplein on http://localhost:3000; stop it (Ctrl-C)
 *                                 # before step 2: the CLI uses the same embedded database
 *   2. npm run cli -- partner:create --name "Voorbeelduitgeverij" \
 *        --redirect-uri http://localhost:4000/callback \
 *        --notification-url http://localhost:4000/events \
 *        --scopes "openid profile email"
 *                                 # prints {"partnerId","clientId","clientSecret"} once
 *   3. npm start                  # Lesplein again
 *   4. LESPLEIN_CLIENT_ID=… LESPLEIN_CLIENT_SECRET=… node docs/partners/example/server.mjs
 *   5. open http://localhost:4000 and sign in, e.g. as an.peeters@demo.lesplein.test
 *      (password Lesplein-demo-2026, see the main README); revoke it under
 *      http://localhost:3000/account/authorisations and watch this server's log.
 *
 * Environment: LESPLEIN_ISSUER (default http://localhost:3000/oidc), LESPLEIN_CLIENT_ID,
 * LESPLEIN_CLIENT_SECRET (leave it out for a public client), PORT (default 4000), REDIRECT_URI
 * (default http://localhost:PORT/callback), SCOPES (default "openid profile email").
 *
 * Everything is kept in memory: a real application keeps sessions and tokens in its own store
 * (encrypted at rest) and uses its framework's CSRF protection for POST /forget.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { discover, endConsent, fetchProfile, finishLogin, refresh, startLogin, verifyWithdrawalNotice } from './partner-client.mjs';

/** @typedef {import('./partner-client.mjs').Configuration} Configuration */
/** @typedef {import('./partner-client.mjs').Tokens} Tokens */
/** @typedef {import('./partner-client.mjs').WithdrawalNotice} WithdrawalNotice */
/** @typedef {{ sub: string, tokens: Tokens, profile: Record<string, unknown> }} Session */

const PENDING_COOKIE = 'partner_login';
const SESSION_COOKIE = 'partner_session';
const PENDING_TTL_MS = 10 * 60 * 1000;
const MAX_NOTICE_BYTES = 64 * 1024;

/**
 * @typedef {object} PartnerAppOptions
 * @property {Configuration} config From discover().
 * @property {string} redirectUri Exactly as registered at Lesplein.
 * @property {string} [scopes] Default "openid profile email".
 * @property {(notice: WithdrawalNotice, token: string) => void} [onWithdrawal] Called after a notice was verified and the data erased.
 * @property {(message: string) => void} [log] Default console.log.
 */

/**
 * The application as a request handler, so it can run on any node:http server (and in tests).
 * @param {PartnerAppOptions} options
 */
export function createPartnerApp(options) {
  const { config, redirectUri } = options;
  const scopes = options.scopes ?? 'openid profile email';
  const log = options.log ?? ((message) => console.log(message));
  const issuer = config.serverMetadata().issuer;
  const clientId = config.clientMetadata().client_id;
  const secureCookies = new URL(redirectUri).protocol === 'https:';

  /** Log-ins in progress: cookie value → PKCE verifier and state. @type {Map<string, { verifier: string, state: string, expires: number }>} */
  const pending = new Map();
  /** Signed-in browsers: cookie value → the member's data and tokens. @type {Map<string, Session>} */
  const sessions = new Map();
  /** Refreshes in flight per member: one refresh token must never be used twice. @type {Map<string, Promise<Tokens>>} */
  const refreshing = new Map();

  /** Everything this application holds about a member: what you must erase when the consent ends. @param {string} sub */
  function erase(sub) {
    let count = 0;
    for (const [id, session] of sessions) {
      if (session.sub === sub) {
        sessions.delete(id);
        count += 1;
      }
    }
    return count;
  }

  /** @param {Session} session */
  async function freshTokens(session) {
    if (session.tokens.expiresAt.getTime() - Date.now() > 30_000) return session.tokens;
    if (!session.tokens.refreshToken) throw new Error('No refresh token');
    let inFlight = refreshing.get(session.sub);
    if (!inFlight) {
      inFlight = refresh(config, session.tokens.refreshToken).finally(() => refreshing.delete(session.sub));
      refreshing.set(session.sub, inFlight);
    }
    session.tokens = await inFlight;
    return session.tokens;
  }

  /** @type {import('node:http').RequestListener} */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://partner.invalid');
    try {
      if (req.method === 'GET' && url.pathname === '/') return await home(req, res);
      if (req.method === 'GET' && url.pathname === '/login') return await login(res);
      if (req.method === 'GET' && url.pathname === new URL(redirectUri).pathname) return await callback(req, res, url);
      if (req.method === 'POST' && url.pathname === '/forget') return await forget(req, res);
      if (req.method === 'POST' && url.pathname === '/events') return await events(req, res);
      return send(res, 404, 'Not found');
    } catch (error) {
      log(`error: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, 500, 'Something went wrong');
    }
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function home(req, res) {
    const id = cookies(req)[SESSION_COOKIE];
    const session = id ? sessions.get(id) : undefined;
    if (!session) return send(res, 200, page('<p>You are not signed in.</p><p><a href="/login">Sign in with Lesplein</a></p>'));
    try {
      const tokens = await freshTokens(session);
      // Read the data fresh: it changes, and the member may have withdrawn consent meanwhile.
      session.profile = await fetchProfile(config, tokens.accessToken, session.sub);
    } catch (error) {
      const status = /** @type {{ status?: number, error?: string }} */ (error);
      if (status.status === 401 || status.error === 'invalid_grant') {
        // The consent ended (or the tokens did): erase what we hold and ask to sign in again.
        erase(session.sub);
        return send(res, 200, page('<p>Your Lesplein authorisation has ended; we erased your data.</p><p><a href="/login">Sign in with Lesplein</a></p>'));
      }
      throw error;
    }
    const rows = Object.entries(session.profile).map(([claim, value]) => `<tr><th>${escape(claim)}</th><td>${escape(JSON.stringify(value))}</td></tr>`);
    return send(res, 200, page(`<table>${rows.join('')}</table><form method="post" action="/forget"><button>Leave this application</button></form>`));
  }

  /** @param {import('node:http').ServerResponse} res */
  async function login(res) {
    const { url, verifier, state } = await startLogin(config, redirectUri, scopes);
    const id = randomBytes(32).toString('base64url');
    pending.set(id, { verifier, state, expires: Date.now() + PENDING_TTL_MS });
    // Lax: the cookie comes back on Lesplein's top-level redirect to /callback.
    res.setHeader('set-cookie', cookie(PENDING_COOKIE, id, { maxAge: PENDING_TTL_MS / 1000, path: new URL(redirectUri).pathname, secure: secureCookies }));
    res.writeHead(303, { location: url.href, 'cache-control': 'no-store' }).end();
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {URL} url */
  async function callback(req, res, url) {
    const id = cookies(req)[PENDING_COOKIE];
    const expected = id ? pending.get(id) : undefined;
    if (id) pending.delete(id); // single use, whatever happens next
    res.setHeader('set-cookie', cookie(PENDING_COOKIE, '', { maxAge: 0, path: new URL(redirectUri).pathname, secure: secureCookies }));
    if (!expected || expected.expires < Date.now()) return send(res, 400, page('<p>This sign-in expired. <a href="/login">Try again</a>.</p>'));
    // The URL Lesplein redirected to: the registered redirect URI with Lesplein's query.
    const callbackUrl = new URL(redirectUri);
    callbackUrl.search = url.search;
    /** @type {Tokens} */
    let tokens;
    try {
      tokens = await finishLogin(config, callbackUrl, expected);
    } catch (error) {
      const refused = /** @type {{ error?: string }} */ (error).error === 'access_denied';
      log(`sign-in failed: ${/** @type {{ error?: string }} */ (error).error ?? String(error)}`);
      return send(res, refused ? 200 : 400, page(refused ? '<p>You chose not to share your data. <a href="/login">Sign in</a> if you change your mind.</p>' : '<p>Signing in failed. <a href="/login">Try again</a>.</p>'));
    }
    const profile = await fetchProfile(config, tokens.accessToken, tokens.sub);
    const sessionId = randomBytes(32).toString('base64url');
    sessions.set(sessionId, { sub: tokens.sub, tokens, profile });
    log(`signed in: ${tokens.sub} (${tokens.scopes.join(' ')})`);
    res.appendHeader('set-cookie', cookie(SESSION_COOKIE, sessionId, { maxAge: 8 * 3600, path: '/', secure: secureCookies }));
    res.writeHead(303, { location: '/' }).end();
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function forget(req, res) {
    const id = cookies(req)[SESSION_COOKIE];
    const session = id ? sessions.get(id) : undefined;
    if (session) {
      try {
        await endConsent(config, (await freshTokens(session)).accessToken);
      } catch (error) {
        // Already ended at Lesplein (401): nothing left to end there.
        if (/** @type {{ status?: number }} */ (error).status !== 401) throw error;
      }
      log(`consent ended by us for ${session.sub}; erased ${erase(session.sub)} session(s)`);
    }
    res.setHeader('set-cookie', cookie(SESSION_COOKIE, '', { maxAge: 0, path: '/', secure: secureCookies }));
    res.writeHead(303, { location: '/' }).end();
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function events(req, res) {
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/secevent+jwt')) return send(res, 415, 'Expected application/secevent+jwt');
    const body = await readBody(req, MAX_NOTICE_BYTES);
    if (body === undefined) return send(res, 413, 'Too large');
    /** @type {WithdrawalNotice} */
    let notice;
    try {
      notice = await verifyWithdrawalNotice(issuer, clientId, body);
    } catch (error) {
      log(`refused a notice: ${error instanceof Error ? error.message : String(error)}`);
      return send(res, 400, 'Invalid notice');
    }
    // Idempotent: a repeated delivery of the same consent_id erases nothing more.
    const erased = erase(notice.sub);
    log(`consent ${notice.consentId} withdrawn by ${notice.withdrawnBy} at ${notice.withdrawnAt}: erased ${erased} session(s) of ${notice.sub}`);
    options.onWithdrawal?.(notice, body);
    res.writeHead(202).end(); // any 2xx; otherwise Lesplein retries
  }

  return Object.assign(handle, { erase, sessions });
}

// ---- small HTTP helpers ----

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} body */
function send(res, status, body) {
  const html = body.startsWith('<!doctype');
  res.writeHead(status, {
    'content-type': html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; form-action 'self'; frame-ancestors 'none'",
  });
  res.end(body);
}

/** @param {string} body */
function page(body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example partner</title></head><body><h1>Example partner</h1>${body}</body></html>`;
}

/** @param {string} value */
function escape(value) {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** @param {import('node:http').IncomingMessage} req @returns {Record<string, string>} */
function cookies(req) {
  /** @type {Record<string, string>} */
  const jar = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) jar[part.slice(0, index).trim()] = part.slice(index + 1).trim();
  }
  return jar;
}

/** @param {string} name @param {string} value @param {{ maxAge: number, path: string, secure: boolean }} options */
function cookie(name, value, options) {
  return `${name}=${value}; Path=${options.path}; Max-Age=${options.maxAge}; HttpOnly; SameSite=Lax${options.secure ? '; Secure' : ''}`;
}

/** @param {import('node:http').IncomingMessage} req @param {number} limit @returns {Promise<string | undefined>} */
async function readBody(req, limit) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// ---- run it ----

async function main() {
  const port = Number(process.env.PORT ?? 4000);
  const issuer = process.env.LESPLEIN_ISSUER ?? 'http://localhost:3000/oidc';
  const clientId = process.env.LESPLEIN_CLIENT_ID;
  if (!clientId) throw new Error('Set LESPLEIN_CLIENT_ID (and LESPLEIN_CLIENT_SECRET) from `npm run cli -- partner:create …`');
  const config = await discover(issuer, clientId, process.env.LESPLEIN_CLIENT_SECRET || undefined);
  const redirectUri = process.env.REDIRECT_URI ?? `http://localhost:${port}/callback`;
  const app = createPartnerApp({ config, redirectUri, scopes: process.env.SCOPES ?? 'openid profile email' });
  createServer((req, res) => void app(req, res)).listen(port, 'localhost', () => {
    console.log(`Example partner on http://localhost:${port} (issuer ${issuer}, redirect URI ${redirectUri})`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
