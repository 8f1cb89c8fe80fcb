import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, asProblem, createApiClient, parseProblem } from './api-client';

type Call = { url: string; init: RequestInit };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type, ...headers } });
}

function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return { type: `https://lesplein.example/problems/${code}`, title: code, status, code, ...extra };
}

/** A fake fetch answering from a queue of handlers, recording every call. */
function fakeFetch(...answers: ((call: Call) => Response)[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected request ${call.url}`);
    return answer(call);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const header = (call: Call, name: string) => (call.init.headers as Record<string, string>)[name];

describe('parseProblem', () => {
  it('keeps a well-formed problem, including field errors and retry time', async () => {
    const body = problem(400, 'validation_failed', {
      detail: 'Invalid input',
      errors: [{ path: 'email', message: 'Geef een geldig e-mailadres / Enter a valid e-mail address' }],
    });
    const parsed = await parseProblem(json(400, body));
    expect(parsed).toEqual(body);
  });

  it('takes Retry-After from the header when the body has none', async () => {
    const parsed = await parseProblem(json(429, problem(429, 'rate_limited'), { 'retry-after': '42' }));
    expect(parsed.code).toBe('rate_limited');
    expect(parsed.retryAfterSeconds).toBe(42);
  });

  it('turns non-problem answers into a problem whose code follows the status', async () => {
    const html = new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' });
    expect(await parseProblem(html)).toMatchObject({ status: 502, code: 'internal_error', title: 'Bad Gateway' });
    expect((await parseProblem(new Response('', { status: 503 }))).code).toBe('service_unavailable');
    expect((await parseProblem(new Response('', { status: 429 }))).code).toBe('rate_limited');
    expect((await parseProblem(new Response('', { status: 401 }))).code).toBe('unauthenticated');
    expect((await parseProblem(new Response('', { status: 404 }))).code).toBe('not_found');
  });

  it('keeps a code from plain JSON errors', async () => {
    const parsed = await parseProblem(json(409, { code: 'conflict', detail: 'Taken' }));
    expect(parsed).toMatchObject({ status: 409, code: 'conflict', detail: 'Taken', type: 'about:blank' });
  });

  it('drops malformed field errors instead of failing', () => {
    const parsed = asProblem({ ...problem(400, 'validation_failed'), errors: [{ path: 'a', message: 'b' }, { path: 1 }, null] });
    expect(parsed?.errors).toEqual([{ path: 'a', message: 'b' }]);
    expect(asProblem({ title: 'x' })).toBeNull();
    expect(asProblem('nope')).toBeNull();
  });
});

describe('createApiClient', () => {
  it('sends GETs with the session cookie and no CSRF round trip', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { hello: 'world' }));
    const api = createApiClient({ fetch });
    await expect(api.get('/api/thing')).resolves.toEqual({ hello: 'world' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect(header(calls[0]!, 'x-csrf-token')).toBeUndefined();
  });

  it('fetches the CSRF token once and sends it on every state-changing request', async () => {
    const { fetch, calls } = fakeFetch(
      () => json(200, { token: 'tok-1' }),
      () => json(200, { ok: true }),
      () => json(200, { ok: true }),
      () => json(200, { ok: true }),
    );
    const api = createApiClient({ fetch });
    await api.post('/api/a', { x: 1 });
    await api.patch('/api/b', { y: 2 });
    await api.delete('/api/c');
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/auth/csrf',
      'POST /api/a',
      'PATCH /api/b',
      'DELETE /api/c',
    ]);
    for (const call of calls.slice(1)) expect(header(call, 'x-csrf-token')).toBe('tok-1');
    expect(header(calls[1]!, 'content-type')).toBe('application/json');
    expect(calls[1]!.init.body).toBe(JSON.stringify({ x: 1 }));
    expect(calls[3]!.init.body).toBeUndefined();
  });

  it('shares one CSRF request between concurrent writes', async () => {
    const { fetch, calls } = fakeFetch(
      () => json(200, { token: 'tok' }),
      () => json(200, { ok: true }),
      () => json(200, { ok: true }),
    );
    const api = createApiClient({ fetch });
    await Promise.all([api.post('/api/a'), api.post('/api/b')]);
    expect(calls.filter((c) => c.url === '/api/auth/csrf')).toHaveLength(1);
  });

  it('refetches the CSRF token and retries once after csrf_invalid', async () => {
    const { fetch, calls } = fakeFetch(
      () => json(200, { token: 'old' }),
      () => json(403, problem(403, 'csrf_invalid')),
      () => json(200, { token: 'new' }),
      () => json(200, { ok: true }),
    );
    const api = createApiClient({ fetch });
    await expect(api.post('/api/a', {})).resolves.toEqual({ ok: true });
    expect(header(calls[1]!, 'x-csrf-token')).toBe('old');
    expect(header(calls[3]!, 'x-csrf-token')).toBe('new');
  });

  it('gives up after one CSRF retry', async () => {
    const { fetch, calls } = fakeFetch(
      () => json(200, { token: 'a' }),
      () => json(403, problem(403, 'csrf_invalid')),
      () => json(200, { token: 'b' }),
      () => json(403, problem(403, 'csrf_invalid')),
    );
    const api = createApiClient({ fetch });
    const error = await api.post('/api/a', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('csrf_invalid');
    expect(calls).toHaveLength(4);
  });

  it('does not retry other 403s', async () => {
    const { fetch, calls } = fakeFetch(
      () => json(200, { token: 'a' }),
      () => json(403, problem(403, 'second_factor_required')),
    );
    const api = createApiClient({ fetch });
    await expect(api.post('/api/a', {})).rejects.toMatchObject({ code: 'second_factor_required', status: 403 });
    expect(calls).toHaveLength(2);
  });

  it('throws an ApiError carrying the problem', async () => {
    const body = problem(401, 'invalid_credentials', { detail: 'Wrong e-mail or password' });
    const { fetch } = fakeFetch(() => json(200, { token: 't' }), () => json(401, body));
    const api = createApiClient({ fetch });
    const error = (await api.post('/api/auth/login', {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem).toEqual(body);
    expect(error.status).toBe(401);
    expect(error.message).toBe('Wrong e-mail or password');
  });

  it('reports network failures as network_error', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    const api = createApiClient({ fetch });
    await expect(api.get('/api/x')).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });

  it('does not cache a failed CSRF request', async () => {
    const { fetch, calls } = fakeFetch(
      () => new Response('', { status: 503 }),
      () => json(200, { token: 't' }),
      () => json(200, { ok: true }),
    );
    const api = createApiClient({ fetch });
    await expect(api.post('/api/a')).rejects.toMatchObject({ code: 'service_unavailable' });
    await expect(api.post('/api/a')).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/csrf', '/api/auth/csrf', '/api/a']);
  });

  it('checks successful answers against the contract schema', async () => {
    const Schema = z.object({ ok: z.literal(true) });
    const { fetch } = fakeFetch(() => json(200, { ok: true }), () => json(200, { ok: 'yes' }));
    const api = createApiClient({ fetch });
    await expect(api.get('/api/a', Schema)).resolves.toEqual({ ok: true });
    await expect(api.get('/api/a', Schema)).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('sends raw bodies with their own content type', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { token: 't' }), () => json(200, { done: true }));
    const api = createApiClient({ fetch });
    const image = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    await api.request('/api/account/profile/photo?consent=true', { method: 'PUT', raw: { body: image, contentType: 'image/png' } });
    expect(header(calls[1]!, 'content-type')).toBe('image/png');
    expect(calls[1]!.init.body).toBe(image);
  });

  it('answers undefined for 204 No Content', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const api = createApiClient({ fetch });
    await expect(api.get('/api/empty')).resolves.toBeUndefined();
  });
});
