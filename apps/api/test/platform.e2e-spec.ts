import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithClient } from './factories/members.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
const logLines: string[] = [];
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  t = await startTestApp({ LOG_LEVEL: 'info', BODY_LIMIT_BYTES: '2048' }, { logTo: sink });
});
afterAll(() => t.close());

/** Routes anyone may call; every other route must answer 401 without a session. */
const PUBLIC_ROUTES = new Set([
  'GET /health/live',
  'GET /health/ready',
  'GET /api/auth/csrf',
  'POST /api/auth/register',
  'POST /api/auth/verify-email',
  'POST /api/auth/resend-verification',
  'POST /api/auth/login',
  'POST /api/auth/login/second-factor',
  'POST /api/auth/forgot-password',
  'POST /api/auth/reset-password',
  'POST /api/auth/confirm-email',
  'GET /api/taxonomy',
  'GET /api/members/{handle}',
  'GET /api/members/{handle}/photo',
  'GET /api/resources',
  'GET /api/resources/{id}',
  'GET /api/resources/{id}/files/{fileId}/download',
  'GET /api/resources/{id}/files/{fileId}/preview',
  'GET /api/resources/{id}/files/{fileId}/thumbnail',
  'GET /api/resources/{id}/favourite',
  'GET /api/resources/{id}/rating',
  'GET /api/resources/{id}/comments',
  'GET /api/members/{handle}/folders',
  'GET /api/folders/shared/{token}',
  'GET /api/folders/{id}',
  'GET /api/members/{handle}/follow',
  'GET /api/members/{handle}/followers',
  'GET /api/members/{handle}/following',
  'POST /api/notifications/unsubscribe',
  'POST /api/newsletter/unsubscribe',
  'GET /api/members/{handle}/resources',
  'GET /api/members/{handle}/activity',
  'GET /api/search',
  'GET /api/search/suggest',
  'GET /api/partners',
  'GET /api/partners/{id}',
  'GET /api/partners/{id}/logo',
  // The OpenID Connect provider's browser hand-off to the consent page (a redirect, no data).
  'GET /api/partner-consent/{uid}',
  'GET /api/sub-processors',
  // The e-mailed link of an account deletion: its state, and cancelling during the grace period.
  'GET /api/account-deletion/{token}',
  'POST /api/account-deletion/{token}/cancel',
  // The privacy statement, current and earlier versions.
  'GET /api/privacy-policy',
  'GET /api/privacy-policy/versions/{version}',
  // Requests to the data protection officer and feedback: anyone may file one with an e-mail address.
  'POST /api/privacy-requests',
  // The anonymous page-view counter (called only after the visitor's consent).
  'POST /api/analytics/page-views',
  // The member's data export: the e-mailed link's secret authorises without a session (the owner's session works too).
  'GET /api/account/exports/{id}/download',
  // A suspended member appeals with the secret link from the statement of reasons.
  'POST /api/moderation/decisions/{id}/appeal-with-token',
]);

/** State-changing routes authorised by a secret in the request itself instead of a session (no CSRF token). */
const CSRF_EXEMPT = new Set([
  'POST /api/notifications/unsubscribe',
  'POST /api/newsletter/unsubscribe',
  // The partner API is authorised by a member's access token (Bearer), never by a cookie.
  'DELETE /partner-api/v1/me/consent',
  'POST /api/moderation/decisions/{id}/appeal-with-token',
  // An anonymous counter: authorised by nothing, it takes no cookie and needs no token.
  'POST /api/analytics/page-views',
]);

const SAMPLE_PARAMS: Record<string, string> = { id: '00000000-0000-4000-8000-000000000000', fileId: '00000000-0000-4000-8000-000000000001', resourceId: '00000000-0000-4000-8000-000000000002', token: 'T'.repeat(43), field: 'aboutMe', handle: 'iemand', uid: 'U'.repeat(21), consentId: '00000000-0000-4000-8000-000000000003' };

/** Every operation of the API, from the generated OpenAPI document. */
async function routes(app: TestApp): Promise<Array<{ method: string; path: string; key: string }>> {
  const document = (await app.client().get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.keys(operations).map((method) => ({
      method: method.toUpperCase(),
      key: `${method.toUpperCase()} ${template}`,
      path: template.replace(/\{(\w+)\}/g, (_match, name: string) => SAMPLE_PARAMS[name] ?? 'x'),
    })),
  );
}

describe('operations basics', () => {
  it('answers liveness and readiness', async () => {
    expect((await t.client().get('/health/live')).body).toEqual({ status: 'ok' });
    expect((await t.client().get('/health/ready')).body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('serves the OpenAPI document generated from the contracts, and its browser', async () => {
    const document = (await t.client().get('/api/openapi.json')).body;
    expect(document.info.title).toBe('Lesplein API');
    const register = document.paths['/api/auth/register'].post;
    expect(register.requestBody.content['application/json'].schema.properties.email).toBeDefined();
    expect(register.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    // Raw upload bodies are documented with the content types the routes take, not as JSON.
    const raw = (path: string, method: string) => document.paths[path][method].requestBody.content as Record<string, { schema: unknown }>;
    expect(raw('/api/resources/{id}/files', 'post')).toEqual({ 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } });
    for (const [path, method] of [['/api/account/profile/photo', 'put'], ['/api/admin/partners/{id}/logo', 'put']] as const) {
      expect(Object.keys(raw(path, method)).sort(), path).toEqual(['image/jpeg', 'image/png', 'image/webp']);
      expect(raw(path, method)['image/png']!.schema, path).toEqual({ type: 'string', format: 'binary' });
    }
    const docs = await t.client().get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger');
  });

  it('answers errors as problem+json with a stable code and no internals', async () => {
    const client = t.client();
    const notFound = await client.get('/api/does-not-exist');
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-type')).toContain('application/problem+json');
    expect(notFound.body).toMatchObject({ status: 404, code: 'not_found', instance: '/api/does-not-exist' });

    const malformed = await client.post('/api/auth/login', undefined, { raw: '{"email": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('validation_failed');
    expect(malformed.text).not.toMatch(/at .*\.js:\d+/);

    const tooLarge = await client.post('/api/auth/register', { email: 'big@example.org', password: 'x'.repeat(4000), firstName: 'A', lastName: 'B' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('payload_too_large');
  });

  it('echoes a request id and uses the caller’s when it looks safe', async () => {
    const response = await t.client().get('/health/live', { headers: { 'x-request-id': 'trace-12345678' } });
    expect(response.headers.get('x-request-id')).toBe('trace-12345678');
    const generated = await t.client().get('/health/live', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes JSON logs with request ids and never passwords, tokens, session ids or e-mail addresses', async () => {
    const { member, client } = await memberWithClient(t);
    await client.get('/api/auth/me');
    await t.client().post('/api/auth/forgot-password', { email: member.email });
    await t.client().post('/api/auth/reset-password', { token: 'z'.repeat(43), password: 'Een-Geheim-Wachtwoord-3' });
    const logs = logLines.join('');
    const records = logs.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.some((record) => typeof record.reqId === 'string')).toBe(true);
    expect(logs).not.toContain(member.email);
    expect(logs).not.toContain(member.password);
    expect(logs).not.toContain('Een-Geheim-Wachtwoord-3');
    expect(logs).not.toContain(client.cookie('lp_session')!);
    expect(logs).not.toContain('z'.repeat(43));
  });
});

describe('authorisation of every route', () => {
  it('refuses every non-public route without a session (401)', async () => {
    const all = await routes(t);
    expect(all.length).toBeGreaterThan(20);
    for (const route of all.filter((r) => !PUBLIC_ROUTES.has(r.key))) {
      const response = await t.client().request(route.method, route.path, route.method === 'GET' ? undefined : {});
      expect(response.status, route.key).toBe(401);
      expect(response.body.code, route.key).toBe('unauthenticated');
    }
    const known = new Set(all.map((r) => r.key));
    for (const key of PUBLIC_ROUTES) expect(known.has(key), `${key} is listed as public but does not exist`).toBe(true);
  });

  it('refuses every state-changing route without a CSRF token (403), signed in or not', async () => {
    const { client } = await memberWithClient(t);
    for (const route of (await routes(t)).filter((r) => r.method !== 'GET' && !CSRF_EXEMPT.has(r.key))) {
      const signedIn = await client.request(route.method, route.path, {}, { csrf: false });
      expect(signedIn.status, route.key).toBe(403);
      expect(signedIn.body.code, route.key).toBe('csrf_invalid');
      if (PUBLIC_ROUTES.has(route.key)) expect((await t.client().request(route.method, route.path, {}, { csrf: false })).status, route.key).toBe(403);
    }
  });
});

describe('rate limits', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => limited.close());

  it('answers 429 with Retry-After on every route once a client spends its budget', async () => {
    for (const route of await routes(limited)) {
      if (route.path.startsWith('/health/')) continue;
      const client = limited.client();
      await client.csrf(); // the first of the five requests in the budget
      let last;
      for (let i = 0; i < 4; i++) last = await client.request(route.method, route.path, route.method === 'GET' ? undefined : {});
      expect(last!.status, route.key).not.toBe(429);
      const over = await client.request(route.method, route.path, route.method === 'GET' ? undefined : {});
      expect(over.status, route.key).toBe(429);
      expect(over.body.code).toBe('rate_limited');
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('applies the same budget to the OpenID Connect provider', async () => {
    const client = limited.client();
    for (let i = 0; i < 5; i++) expect((await client.get('/oidc/.well-known/openid-configuration')).status).toBe(200);
    const over = await client.get('/oidc/.well-known/openid-configuration');
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('rate_limited');
  });

  it('never limits health probes', async () => {
    const client = limited.client();
    for (let i = 0; i < 8; i++) expect((await client.get('/health/live')).status).toBe(200);
  });
});
