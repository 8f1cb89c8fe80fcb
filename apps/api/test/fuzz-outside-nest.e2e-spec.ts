/**
 * Property-based fuzzing (fast-check) of what answers outside Nest's controllers, so neither the
 * contract fuzzing (fuzz-contracts.e2e-spec.ts) nor the route tables see it:
 *
 * - the OpenID Connect provider under /oidc (discovery, jwks, authorization and its resume,
 *   pushed authorization requests, token, userinfo, revocation, and the endpoints we switched off:
 *   introspection, end-session, registration): OAuth parameters with real and hostile values,
 *   repeated and overlong ones, bodies as forms, JSON, multipart, garbage and past the provider's
 *   56 kB limit, odd methods, Authorization headers (Basic with broken base64, no colon, bad
 *   percent-encoding, control characters; Bearer with real and made-up tokens; unknown schemes),
 *   cookies and Accept headers. Expected: never 5xx; a 4xx is the provider's OAuth error JSON, its
 *   HTML error page or our problem+json; no stack trace or internals in the body or headers; a
 *   redirect goes only to the partner's registered redirect URI or to our own consent screen.
 * - the web client's static files and the fallback to index.html: random, encoded, double-encoded
 *   and overlong paths with traversal (`/..%2f..%2fetc/passwd`), backslashes and NULs, odd
 *   methods, HEAD, Range, conditional and odd Accept / Accept-Encoding headers. Expected: 200 with
 *   index.html or a file of the web root (byte for byte, after decoding), 206 with part of one,
 *   304, a same-origin redirect, or a 4xx problem+json; never 5xx, never a byte from outside the
 *   web root.
 *
 * Seeded (TEST_FUZZ_SEED) and bounded (a fixed number of runs per endpoint); a failure names the
 * endpoint, its seed, fast-check's path and the request.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithClient, staffMember } from './factories/members.js';
import { hostileText } from './support/fuzz-arbitraries.js';
import { checkSeeded, FUZZ_SEED, leakIn, problemWith } from './support/fuzz-checks.js';
import type { HttpClient } from './support/http-client.js';
import { authorise, authorizationRequest, freePort, local, REDIRECT_URI, registerPartner, startAuthorization } from './support/oidc-partner.js';
import { frame, rawHttp, type RawResponse } from './support/raw-http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const OIDC_RUNS = 45;
const WEB_RUNS = 300;

/** Written next to the web root: no answer may ever contain it. */
const OUTSIDE_MARKER = 'GEHEIM-BUITEN-DE-WEBROOT';

let t: TestApp;
let scratch: string;
let webRoot: string;
/** Every file of the web root, by its path under the root. */
const webFiles = new Map<string, Buffer>();

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-fuzz-web-'));
  webRoot = path.join(scratch, 'web');
  const files: Record<string, string> = {
    'index.html': '<!doctype html><html lang="nl"><head><title>Lesplein</title><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
    'assets/app.js': `console.log('Lesplein');\n${'// opvulling\n'.repeat(200)}`,
    'assets/app.css': 'body{font-family:system-ui}',
    'robots.txt': 'User-agent: *\nAllow: /\n',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  };
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(webRoot, name)), { recursive: true });
    fs.writeFileSync(path.join(webRoot, name), content);
    webFiles.set(name, Buffer.from(content));
  }
  // Pre-compressed copies, as the web build writes them (served for Accept-Encoding).
  for (const name of ['index.html', 'assets/app.js']) {
    for (const [suffix, compress] of [['.br', zlib.brotliCompressSync], ['.gz', zlib.gzipSync]] as const) {
      const copy = compress(webFiles.get(name)!);
      fs.writeFileSync(path.join(webRoot, name + suffix), copy);
      webFiles.set(name + suffix, copy);
    }
  }
  // Beside the web root, including a directory whose name starts like the root's.
  fs.writeFileSync(path.join(scratch, 'secret.txt'), OUTSIDE_MARKER);
  fs.mkdirSync(path.join(scratch, 'web-old'));
  fs.writeFileSync(path.join(scratch, 'web-old', 'index.html'), OUTSIDE_MARKER);
  fs.writeFileSync(path.join(scratch, 'web', '..', 'config.json'), OUTSIDE_MARKER);

  const port = await freePort();
  t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '1000000', PUBLIC_URL: `http://127.0.0.1:${port}`, WEB_DIST_DIR: webRoot }, { port });
}, 60_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const host = () => new URL(t.url).host;
const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

/** Sends a request built byte for byte; every complete request must get an answer. */
async function send(method: string, target: string, headers: Array<[string, string]>, body: Buffer, chunked: boolean): Promise<RawResponse> {
  const all: Array<[string, string]> = [['host', host()], ['connection', 'close'], ...headers];
  const bytes = frame(method, target, all, body, chunked ? 'chunked' : method === 'GET' && body.length === 0 ? 'unframed' : 'exact', [7, 300, 4096]);
  const response = await rawHttp(t.url, bytes, { head: method === 'HEAD', timeoutMs: 20_000 });
  if (!response) throw new Error('the connection closed without an answer');
  return response;
}

/** The body as the client reads it (gzip, deflate and brotli decoded). */
function decoded(response: RawResponse): Buffer {
  const encoding = response.headers['content-encoding'] ?? '';
  try {
    if (encoding.includes('br')) return zlib.brotliDecompressSync(response.body);
    if (encoding.includes('gzip')) return zlib.gunzipSync(response.body);
    if (encoding.includes('deflate')) return zlib.inflateSync(response.body);
  } catch {
    throw new Error(`the ${response.status} answer does not decode as ${encoding} (${response.body.length} bytes, content-range ${response.headers['content-range'] ?? 'none'})`);
  }
  return response.body;
}

const headerText = (response: RawResponse) => Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`).join('\n');

// =============================================================================================
// The OpenID Connect provider

interface Artefacts {
  clientId: string;
  clientSecret: string;
  accessToken: string;
  refreshToken: string;
  idToken: string;
  /** An interaction in progress (the consent screen's id) and the browser's cookies for it. */
  uid: string;
  browser: HttpClient;
}
let real: Artefacts;

interface OidcEndpoint {
  path: string;
  /** The methods the endpoint serves; the fuzzing sends others too. */
  methods: string[];
  /** Parameters that matter here (others are sent too, less often). */
  params: string[];
  /** A request the endpoint accepts, which the fuzzing then changes a little. */
  base?: () => { params: Array<[string, string]>; authorization?: string; browser?: boolean };
}

/** The client's credentials as client_secret_basic sends them. */
const basicAuth = () => `Basic ${base64(`${encodeURIComponent(real.clientId)}:${encodeURIComponent(real.clientSecret)}`)}`;
const authParams = (): Array<[string, string]> => [
  ['client_id', real.clientId],
  ['redirect_uri', REDIRECT_URI],
  ['response_type', 'code'],
  ['scope', 'openid profile'],
  ['state', 'staat'],
  ['nonce', 'nonce'],
  ['code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'],
  ['code_challenge_method', 'S256'],
];

/** In this order: the endpoints that use up or revoke the real tokens come last. */
const ENDPOINTS: OidcEndpoint[] = [
  { path: '/oidc/.well-known/openid-configuration', methods: ['GET', 'OPTIONS'], params: [] },
  { path: '/oidc/.well-known/oauth-authorization-server', methods: ['GET'], params: [] },
  { path: '/oidc/jwks', methods: ['GET', 'OPTIONS'], params: [] },
  {
    path: '/oidc/auth',
    methods: ['GET'],
    params: ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method', 'prompt', 'max_age', 'response_mode', 'request', 'request_uri', 'claims', 'ui_locales', 'id_token_hint', 'login_hint', 'resource'],
    base: () => ({ params: authParams(), browser: true }),
  },
  { path: '/oidc/auth/{uid}', methods: ['GET'], params: [], base: () => ({ params: [], browser: true }) },
  {
    path: '/oidc/request',
    methods: ['POST'],
    params: ['client_id', 'client_secret', 'redirect_uri', 'response_type', 'scope', 'code_challenge', 'code_challenge_method', 'request', 'state'],
    base: () => ({ params: authParams(), authorization: basicAuth() }),
  },
  { path: '/oidc/me', methods: ['GET', 'POST', 'OPTIONS'], params: ['access_token', 'claims'], base: () => ({ params: [], authorization: `Bearer ${real.accessToken}` }) },
  // Switched off: must answer 4xx like any unknown address.
  { path: '/oidc/token/introspection', methods: ['POST'], params: ['token', 'token_type_hint'], base: () => ({ params: [['token', real.accessToken]], authorization: basicAuth() }) },
  { path: '/oidc/session/end', methods: ['GET', 'POST'], params: ['id_token_hint', 'post_logout_redirect_uri', 'state', 'client_id'], base: () => ({ params: [['id_token_hint', real.idToken]], browser: true }) },
  { path: '/oidc/session/end/confirm', methods: ['POST'], params: ['xsrf', 'logout', 'state'], base: () => ({ params: [['xsrf', 'x'], ['logout', 'yes']], browser: true }) },
  { path: '/oidc/reg', methods: ['POST'], params: [] },
  { path: '/oidc/{random}', methods: ['GET'], params: [] },
  { path: '/oidc', methods: ['GET'], params: ['client_id', 'x'] },
  {
    path: '/oidc/token',
    methods: ['POST', 'OPTIONS'],
    params: ['grant_type', 'code', 'code_verifier', 'redirect_uri', 'refresh_token', 'client_id', 'client_secret', 'client_assertion', 'client_assertion_type', 'scope', 'resource'],
    base: () => ({ params: [['grant_type', 'refresh_token'], ['refresh_token', real.refreshToken]], authorization: basicAuth() }),
  },
  { path: '/oidc/token/revocation', methods: ['POST', 'OPTIONS'], params: ['token', 'token_type_hint', 'client_id', 'client_secret'], base: () => ({ params: [['token', real.accessToken], ['token_type_hint', 'access_token']], authorization: basicAuth() }) },
];

const ALL_PARAMS = [...new Set(ENDPOINTS.flatMap((endpoint) => endpoint.params)), 'grant_type', 'token'];

/** Values that look right for a parameter (real ones where we have them). */
function plausible(name: string): fc.Arbitrary<string> {
  switch (name) {
    case 'client_id':
      return fc.constantFrom(real.clientId, `${real.clientId}x`, 'onbekend');
    case 'client_secret':
      return fc.constantFrom(real.clientSecret, 'fout-geheim');
    case 'redirect_uri':
    case 'post_logout_redirect_uri':
      return fc.constantFrom(REDIRECT_URI, `${REDIRECT_URI}/`, `${REDIRECT_URI}?x=1`, 'https://aanvaller.example/callback', 'javascript:alert(1)', '//aanvaller.example', 'http://127.0.0.1/');
    case 'response_type':
      return fc.constantFrom('code', 'token', 'id_token', 'code id_token', 'none', '');
    case 'response_mode':
      return fc.constantFrom('query', 'fragment', 'form_post', 'web_message', 'jwt');
    case 'scope':
      return fc.constantFrom('openid', 'openid profile email school teaching', 'openid offline_access', 'admin', '');
    case 'code_challenge':
      return fc.constantFrom('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 'kort', '');
    case 'code_challenge_method':
      return fc.constantFrom('S256', 'plain', 's256', '');
    case 'prompt':
      return fc.constantFrom('none', 'login', 'consent', 'select_account', 'login consent', 'onbekend');
    case 'max_age':
      return fc.constantFrom('0', '-1', '1e309', '99999999999999999999', 'NaN');
    case 'grant_type':
      return fc.constantFrom('authorization_code', 'refresh_token', 'client_credentials', 'password', 'urn:ietf:params:oauth:grant-type:device_code', 'urn:ietf:params:oauth:grant-type:token-exchange', '');
    case 'code':
    case 'token':
    case 'refresh_token':
    case 'access_token':
      return fc.constantFrom(real.refreshToken, real.accessToken, `${real.accessToken}x`, real.idToken, 'x'.repeat(43));
    case 'token_type_hint':
      return fc.constantFrom('access_token', 'refresh_token', 'id_token', 'onbekend');
    case 'id_token_hint':
    case 'request':
    case 'client_assertion':
      return fc.constantFrom(real.idToken, `${real.idToken.split('.').slice(0, 2).join('.')}.`, 'eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.', 'eyJ.eyJ.x', 'a.b.c.d.e');
    case 'client_assertion_type':
      return fc.constantFrom('urn:ietf:params:oauth:client-assertion-type:jwt-bearer', 'onbekend');
    case 'request_uri':
      return fc.constantFrom('urn:ietf:params:oauth:request_uri:onbekend', 'https://aanvaller.example/request.jwt', 'urn:x');
    case 'claims':
      return fc.constantFrom('{"userinfo":{"email":null}}', '{', '[]', 'null', '{"__proto__":{"polluted":true}}');
    case 'resource':
      return fc.constantFrom('https://api.example', 'niet-absoluut', 'urn:x#frag');
    default:
      return fc.string({ maxLength: 40 });
  }
}

/** Long values: mostly within Node's 16 kB header limit (so the provider sees them), sometimes past it. */
const overlong = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1_000, max: 12_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 17_000, max: 70_000 }) }).map((n) => 'x'.repeat(n));

/** A value for a parameter: plausible, hostile or overlong. */
const valueFor = (name: string) => fc.oneof({ weight: 5, arbitrary: plausible(name) }, { weight: 2, arbitrary: hostileText }, { weight: 1, arbitrary: overlong });

/** A working parameter list changed a little: one or two parameters dropped, changed, repeated or added. */
function mutated(list: Array<[string, string]>, endpoint: OidcEndpoint): fc.Arbitrary<Array<[string, string]>> {
  type Change = (params: Array<[string, string]>) => Array<[string, string]>;
  const names = [...new Set([...endpoint.params, ...list.map(([name]) => name)])];
  const change: fc.Arbitrary<Change> = fc.oneof(
    fc.nat().map((i): Change => (params) => params.filter((_, j) => j !== i % Math.max(params.length, 1))),
    fc.nat().chain((i) => {
      const name = list.length > 0 ? list[i % list.length]![0] : (names[0] ?? 'x');
      return valueFor(name).map((value): Change => (params) => params.map(([n, v]) => [n, n === name ? value : v]));
    }),
    fc.nat().map((i): Change => (params) => (params.length > 0 ? [...params, params[i % params.length]!] : params)),
    fc.constantFrom(...(names.length > 0 ? names : ['x'])).chain((name) => valueFor(name).map((value): Change => (params) => [...params, [name, value]])),
  );
  return fc.array(change, { maxLength: 2 }).map((changes) => changes.reduce((params, apply) => apply(params), list));
}

/** A parameter list: the endpoint's own, some others, repeated ones, hostile and overlong values. */
function oauthParams(endpoint: OidcEndpoint): fc.Arbitrary<Array<[string, string]>> {
  const names = endpoint.params.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...endpoint.params) }, { weight: 1, arbitrary: fc.constantFrom(...ALL_PARAMS, '__proto__', 'constructor', '') }) : fc.constantFrom(...ALL_PARAMS, '__proto__');
  const pair = names.chain((name) =>
    fc.tuple(fc.constant(name), fc.oneof({ weight: 5, arbitrary: plausible(name) }, { weight: 2, arbitrary: hostileText }, { weight: 1, arbitrary: overlong })),
  );
  // Most requests carry a plausible full set of the endpoint's parameters, then additions.
  const complete = fc.tuple(...endpoint.params.map((name) => fc.option(plausible(name).map((value) => [name, value] as [string, string]), { nil: undefined, freq: 4 })));
  return fc
    .tuple(complete, fc.array(pair, { maxLength: 6 }), fc.boolean())
    .map(([full, extra, repeat]) => {
      const list = [...full.filter((entry): entry is [string, string] => entry !== undefined), ...extra];
      return repeat && list.length > 0 ? [...list, list[0]!] : list;
    });
}

const encodeParams = (params: Array<[string, string]>) => new URLSearchParams(params).toString();

interface OidcRequest {
  method: string;
  path: string;
  query: Array<[string, string]>;
  body: { contentType: string | undefined; bytes: Buffer };
  authorization: string | undefined;
  cookie: string | undefined;
  accept: string | undefined;
  origin: string | undefined;
  extraHeaders: Array<[string, string]>;
  chunked: boolean;
}

function authorizations(): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constant(`Basic ${base64(`${encodeURIComponent(real.clientId)}:${encodeURIComponent(real.clientSecret)}`)}`) },
    { weight: 2, arbitrary: fc.constantFrom(`Bearer ${real.accessToken}`, `Bearer ${real.refreshToken}`, `bearer ${real.accessToken}`, `Bearer  ${real.accessToken}`) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'Basic',
        'Basic ',
        'Basic ====',
        'Basic %%%',
        'Basic !!!!',
        `Basic ${base64('zonder-dubbelpunt')}`,
        `Basic ${base64(':')}`,
        `Basic ${base64(`${real.clientId}:`)}`,
        `Basic ${base64(`%E0%A4%A:${real.clientSecret}`)}`,
        `Basic ${base64(`${real.clientId}:%ZZ`)}`,
        `Basic ${base64('\u0000:\u0000')}`,
        `Basic ${base64(Buffer.from([0xff, 0xfe, 0x3a, 0x80]))}`,
        `Basic ${base64(`${real.clientId}:${real.clientSecret}`)} extra`,
        'Bearer',
        'Bearer ',
        'Bearer a b',
        `Bearer ${real.idToken}`,
        'DPoP abc',
        'Negotiate YII=',
        'Digest username="x"',
        ', , ,',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((text) => `Basic ${base64(text)}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('Basic ', 'Bearer '), fc.integer({ min: 2_000, max: 14_000 })).map(([scheme, n]) => scheme + 'A'.repeat(n)) },
  );
}

function bodies(params: fc.Arbitrary<Array<[string, string]>>): fc.Arbitrary<{ contentType: string | undefined; bytes: Buffer }> {
  return fc.oneof(
    { weight: 5, arbitrary: params.map((list) => ({ contentType: 'application/x-www-form-urlencoded', bytes: Buffer.from(encodeParams(list)) })) },
    { weight: 1, arbitrary: fc.constant({ contentType: undefined, bytes: Buffer.alloc(0) }) },
    { weight: 1, arbitrary: params.map((list) => ({ contentType: 'application/json', bytes: Buffer.from(JSON.stringify(Object.fromEntries(list))) })) },
    {
      weight: 1,
      arbitrary: params.map((list) => ({
        contentType: 'multipart/form-data; boundary=xyz',
        bytes: Buffer.from(`${list.map(([name, value]) => `--xyz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('')}--xyz--\r\n`),
      })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom('application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=onbekend', 'application/x-www-form-urlencoded; charset=utf-16le', 'application/json', 'text/plain', 'application/jwt', '', 'x/y;;'), fc.oneof(fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)), fc.constantFrom(Buffer.from('%'), Buffer.from('a=%E0%A4%A'), Buffer.from('{'), Buffer.from('grant_type[]=x&grant_type[a]=y'), Buffer.from('__proto__[x]=1')))).map(([contentType, bytes]) => ({ contentType, bytes })),
    },
    // Past the provider's 56 kB body limit.
    { weight: 1, arbitrary: fc.integer({ min: 57 * 1024, max: 200 * 1024 }).map((n) => ({ contentType: 'application/x-www-form-urlencoded', bytes: Buffer.from(`grant_type=refresh_token&refresh_token=${'x'.repeat(n)}`) })) },
  );
}

const accepts = fc.constantFrom(undefined, 'text/html', 'application/json', '*/*', 'text/html;q=0.1, application/json', 'image/png', '', 'x'.repeat(3000));
const origins = fc.constantFrom(undefined, undefined, 'https://uitgeverij.example', 'https://aanvaller.example', 'null');
const preflight = fc.constantFrom<Array<[string, string]>>([], [], [['access-control-request-method', 'POST']], [['access-control-request-method', 'DELETE'], ['access-control-request-headers', 'authorization, x-onbekend']]);

/** Anything at all for this endpoint. */
function anyOidcRequest(endpoint: OidcEndpoint): fc.Arbitrary<OidcRequest> {
  const params = oauthParams(endpoint);
  return fc.record({
    method: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...endpoint.methods) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'TRACE') }),
    path: fc.oneof(
      { weight: 8, arbitrary: fc.constant(endpoint.path.replace('{uid}', real.uid)) },
      { weight: 2, arbitrary: hostileText.map((text) => endpoint.path.replace(/\{\w+\}/, encodeURIComponent(text) || 'x')) },
      { weight: 1, arbitrary: fc.constantFrom('/', '//', '/.', '/..%2f..%2f', '%2f', ';x', '/%00', '.json').map((suffix) => `${endpoint.path.replace(/\{\w+\}/, 'x')}${suffix}`) },
    ),
    query: fc.oneof({ weight: 3, arbitrary: params }, { weight: 1, arbitrary: fc.constant([] as Array<[string, string]>) }),
    body: bodies(params),
    authorization: authorizations(),
    cookie: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: fc.constant('browser') },
      { weight: 1, arbitrary: fc.constantFrom('_interaction=x; _interaction.sig=y', '_session=%%%; _session.sig=', 'lp_session=onbekend', `_interaction=${'x'.repeat(3000)}`, '=;=;;', 'lp_session=%00') },
    ),
    accept: accepts,
    origin: origins,
    extraHeaders: preflight,
    chunked: fc.boolean(),
  });
}

/** A request the endpoint accepts, changed a little, so the fuzzing reaches past the first checks. */
function nearlyValidOidcRequest(endpoint: OidcEndpoint, base: NonNullable<OidcEndpoint['base']>): fc.Arbitrary<OidcRequest> {
  const start = base();
  const main = endpoint.methods[0]!;
  return fc.record({
    method: fc.constant(main),
    path: fc.constant(endpoint.path.replace('{uid}', real.uid)),
    params: mutated(start.params, endpoint),
    authorization: start.authorization ? fc.oneof({ weight: 4, arbitrary: fc.constant(start.authorization) }, { weight: 1, arbitrary: authorizations() }) : fc.constant(undefined),
    cookie: fc.constant(start.browser ? 'browser' : undefined),
    accept: accepts,
    origin: origins,
    chunked: fc.boolean(),
  }).map(({ params, ...request }): OidcRequest => ({
    ...request,
    query: main === 'GET' ? params : [],
    body: main === 'GET' ? { contentType: undefined, bytes: Buffer.alloc(0) } : { contentType: 'application/x-www-form-urlencoded', bytes: Buffer.from(encodeParams(params)) },
    extraHeaders: [],
  }));
}

function oidcRequests(endpoint: OidcEndpoint): fc.Arbitrary<OidcRequest> {
  if (!endpoint.base) return anyOidcRequest(endpoint);
  return fc.oneof({ weight: 1, arbitrary: nearlyValidOidcRequest(endpoint, endpoint.base) }, { weight: 1, arbitrary: anyOidcRequest(endpoint) });
}

/** Why the provider's answer is wrong, or null. */
function oidcProblem(method: string, response: RawResponse): string | null {
  const contentType = response.headers['content-type'] ?? '';
  const leak = leakIn(response.text) ?? leakIn(headerText(response));
  if (leak) return leak;
  if (response.status >= 500) return `answered ${response.status}`;
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.location ?? '';
    const target = new URL(location, t.url);
    const ours = target.origin === new URL(t.url).origin && (target.pathname.startsWith('/oidc/') || target.pathname.startsWith('/api/partner-consent/'));
    const partner = `${target.origin}${target.pathname}` === REDIRECT_URI;
    if (!ours && !partner) return `redirected to ${location.slice(0, 200)}`;
  }
  if (response.status >= 400) {
    if (contentType.includes('application/problem+json')) return problemWith(response.status, contentType, response.text, { head: method === 'HEAD' });
    if (contentType.includes('text/html')) return null;
    // An answer to HEAD has no body to check.
    if (method === 'HEAD' && contentType.includes('application/json')) return null;
    if (contentType.includes('application/json')) {
      let error: unknown;
      try {
        error = (JSON.parse(response.text) as { error?: unknown }).error;
      } catch {
        return 'answered JSON that does not parse';
      }
      return typeof error === 'string' && /^[\x20-\x7e]+$/.test(error) ? null : `answered ${response.status} JSON without an OAuth error code`;
    }
    if (response.headers['www-authenticate'] && response.body.length === 0) return null;
    return `answered ${response.status} as ${contentType || 'no content type'}: ${response.text.slice(0, 200)}`;
  }
  return null;
}

function oidcWire(request: OidcRequest): { method: string; target: string; headers: Array<[string, string]>; body: Buffer } {
  const query = request.query.length > 0 ? `?${encodeParams(request.query)}` : '';
  const headers: Array<[string, string]> = [['x-forwarded-for', '10.77.0.1']];
  if (request.authorization !== undefined) headers.push(['authorization', request.authorization]);
  if (request.accept !== undefined) headers.push(['accept', request.accept]);
  if (request.origin !== undefined) headers.push(['origin', request.origin]);
  headers.push(...request.extraHeaders);
  if (request.cookie === 'browser') {
    const cookies = ['lp_session', '_interaction', '_interaction.sig', '_interaction_resume', '_interaction_resume.sig', '_session', '_session.sig']
      .map((name) => [name, real.browser.cookie(name)] as const)
      .filter(([, value]) => value !== undefined);
    headers.push(['cookie', cookies.map(([name, value]) => `${name}=${value}`).join('; ')]);
  } else if (request.cookie !== undefined) headers.push(['cookie', request.cookie]);
  const withBody = !['GET', 'HEAD'].includes(request.method);
  if (withBody && request.body.contentType !== undefined) headers.push(['content-type', request.body.contentType]);
  return { method: request.method, target: request.path + query, headers, body: withBody ? request.body.bytes : Buffer.alloc(0) };
}

describe('the OpenID Connect provider, fuzzed', () => {
  beforeAll(async () => {
    const admin = await staffMember(t, 'admin');
    const { config, credentials } = await registerPartner(t, admin.client);
    const { client: browser } = await memberWithClient(t);
    const { tokens } = await authorise(config, browser, ['openid', 'profile', 'email']);
    // A second request that waits on the consent screen: its interaction id and cookies.
    const pending = await startAuthorization(browser, (await authorizationRequest(config, 'openid profile', { prompt: 'consent' })).url);
    if (!pending.uid || !tokens.refresh_token || !tokens.id_token) throw new Error(`setting up the provider's artefacts failed: ${JSON.stringify(pending)}`);
    real = { clientId: credentials.clientId, clientSecret: credentials.clientSecret, accessToken: tokens.access_token, refreshToken: tokens.refresh_token, idToken: tokens.id_token, uid: pending.uid, browser };
    // The provider answers through its own handler: check the set-up reached it.
    expect((await t.client().get(local(`${t.url}/oidc/.well-known/openid-configuration`))).body.issuer).toBe(`${t.url}/oidc`);
  }, 60_000);

  it('never answers 5xx, a stack trace, or a redirect to an unregistered address', { timeout: 240_000 }, async () => {
    console.log(`OpenID Connect fuzz seed ${FUZZ_SEED} (set TEST_FUZZ_SEED to change it; each endpoint's own seed is printed with its failure)`);
    const failures: string[] = [];
    for (const endpoint of ENDPOINTS) {
      const failure = await checkSeeded(`oidc ${endpoint.path}`, oidcRequests(endpoint), OIDC_RUNS, async (request) => {
        const { method, target, headers, body } = oidcWire(request);
        const response = await send(method, target, headers, body, request.chunked && body.length > 0);
        const wrong = oidcProblem(method, response);
        if (wrong) throw new Error(`${method} ${target.slice(0, 300)}: ${wrong}\n${response.text.slice(0, 400)}`);
      });
      if (failure) failures.push(failure);
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
});

// =============================================================================================
// The web client: static files and the fallback to index.html

const SEGMENTS = [
  'zoeken',
  'leermiddelen',
  'index.html',
  'assets',
  'app.js',
  'app.js.br',
  'app.js.gz',
  'index.html.gz',
  'app.css',
  'robots.txt',
  '..',
  '.',
  '%2e%2e',
  '%2E%2E',
  '..%2f',
  '..%2F..%2F',
  '%2e%2e%2f',
  '..%5c',
  '..\\..\\',
  '%252e%252e%252f',
  '%c0%ae%c0%ae%c0%af',
  '.%2e',
  '%00',
  'index.html%00.png',
  '%',
  '%zz',
  ';',
  '..;',
  '~',
  '.env',
  '.git',
  'etc',
  'passwd',
  'secret.txt',
  'web-old',
  'config.json',
  'api',
  'oidc',
  'health',
  'dev',
  'partner-api',
  '%2fapi',
  '\u00e9',
  '%C3%A9',
  'e\u0301',
  '👩‍👩‍👧',
];

const webPaths = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 7 }).map((segments) => `/${segments.join('/')}`) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}/`) },
  { weight: 2, arbitrary: fc.constantFrom('/..%2f..%2fetc/passwd', '/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%252f..%252fsecret.txt', '/%2e%2e%5csecret.txt', '/../web-old/index.html', '/..%2fweb-old%2findex.html', '//secret.txt', '///etc/passwd', '/\\..\\secret.txt', '/.%2e/.%2e/secret.txt', '/%5c..%5csecret.txt', '/assets/', '/assets', '/assets/app.js/', '/index.html/..%2f..%2fconfig.json') },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('a', '.', '/', '%', '2', 'e', 'f', '5', 'c', '\\', '~', ';', '?', '#'), maxLength: 60 }).map((text) => `/${text}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => `/${'a/'.repeat(n / 2)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => `/${'..%2f'.repeat(n / 5)}secret.txt`) },
  { weight: 1, arbitrary: hostileText.map((text) => `/${encodeURIComponent(text)}`) },
);

interface WebRequest {
  method: string;
  path: string;
  query: string;
  headers: Array<[string, string]>;
}

const webRequests: fc.Arbitrary<WebRequest> = fc.record({
  method: fc.oneof({ weight: 6, arbitrary: fc.constant('GET') }, { weight: 2, arbitrary: fc.constant('HEAD') }, { weight: 2, arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'MKCOL', 'FOO') }),
  path: webPaths,
  query: fc.constantFrom('', '', '?x=1', '?__proto__[a]=1', `?q=${'x'.repeat(3000)}`, '?%', '?a=%E0%A4%A'),
  headers: fc
    .tuple(
      fc.constantFrom<Array<[string, string]>>([], [['accept', 'text/html']], [['accept', 'application/json']], [['accept', '*/*']], [['accept', 'image/webp,*/*;q=0.1']], [['accept', '']], [['accept', `text/${'x'.repeat(5000)}`]], [['accept', ';;;,,,q=x']]),
      fc.constantFrom<Array<[string, string]>>([], [['accept-encoding', 'gzip']], [['accept-encoding', 'br']], [['accept-encoding', 'gzip, br, deflate']], [['accept-encoding', 'identity;q=0']], [['accept-encoding', '*;q=0']], [['accept-encoding', 'br;q=abc, gzip;q=-1']], [['accept-encoding', 'x'.repeat(3000)]]),
      fc.constantFrom<Array<[string, string]>>([], [['range', 'bytes=0-10']], [['range', 'bytes=5-']], [['range', 'bytes=-5']], [['range', 'bytes=99999999-']], [['range', 'bytes=0-1,3-4']], [['range', 'bytes=a-b']], [['range', 'items=0-1']], [['range', `bytes=${'0-1,'.repeat(500)}0-1`]]),
      fc.constantFrom<Array<[string, string]>>([], [['if-none-match', '*']], [['if-none-match', '"x"']], [['if-modified-since', 'Thu, 01 Jan 2099 00:00:00 GMT']], [['if-modified-since', 'gisteren']], [['if-match', '"x"']], [['if-range', 'x']]),
    )
    .map((groups) => groups.flat()),
});

/** Why the web answer is wrong, or null. */
function webProblem(request: WebRequest, response: RawResponse): string | null {
  if (response.body.includes(OUTSIDE_MARKER)) return 'served a file from outside the web root';
  if (response.status >= 500) return `answered ${response.status}`;
  const leak = leakIn(response.text) ?? leakIn(headerText(response));
  if (leak) return leak;
  if (response.status >= 300 && response.status < 400 && response.status !== 304) {
    const location = response.headers.location ?? '';
    if (!/^\/(?![/\\])/.test(location) && !location.startsWith(`${t.url}/`)) return `redirected to ${location.slice(0, 200)}`;
  }
  if (response.status >= 400) return problemWith(response.status, response.headers['content-type'] ?? '', response.text, { head: request.method === 'HEAD' });
  if (request.method === 'HEAD' || response.status === 204 || response.status === 304 || response.status >= 300) return null;
  const files = [...webFiles.values()];
  if (response.status === 206) {
    // A range of the representation sent, compressed or not (so the compressed copies count).
    if (!(response.headers['content-type'] ?? '').startsWith('multipart/') && !files.some((file) => file.includes(response.body))) return 'answered 206 with bytes of no file in the web root';
    return null;
  }
  const body = decoded(response);
  if (response.status === 200 && (request.method === 'GET' || request.method === 'POST')) {
    if (!files.some((file) => file.equals(body))) return `answered 200 with something that is no file of the web root: ${body.toString('utf8').slice(0, 100)}`;
  }
  return null;
}

describe('the web client and its fallback, fuzzed', () => {
  it('serves index.html, a file of the web root, or a 4xx problem; never 5xx, never a file from outside', { timeout: 180_000 }, async () => {
    console.log(`web fuzz seed ${FUZZ_SEED} (set TEST_FUZZ_SEED to change it)`);
    // The set-up works: the fallback and a file, byte for byte.
    expect((await send('GET', '/zoeken?q=breuken', [], Buffer.alloc(0), false)).body.equals(webFiles.get('index.html')!)).toBe(true);
    expect((await send('GET', '/assets/app.js', [], Buffer.alloc(0), false)).body.equals(webFiles.get('assets/app.js')!)).toBe(true);
    const failure = await checkSeeded('web', webRequests, WEB_RUNS, async (request) => {
      const response = await send(request.method, request.path + request.query, [['x-forwarded-for', '10.78.0.1'], ...request.headers], Buffer.alloc(0), false);
      const wrong = webProblem(request, response);
      if (wrong) throw new Error(`${request.method} ${(request.path + request.query).slice(0, 300)}: ${wrong}\n${response.status} ${response.text.slice(0, 300)}`);
    });
    expect(failure, failure ?? '').toBeNull();
  });
});
