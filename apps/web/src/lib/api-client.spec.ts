import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, asProblem, createApiClient, parseProblem, problemFrom } from './api-client';

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

describe('problemFrom', () => {
  it('builds the same problem from the parts of an XMLHttpRequest answer', () => {
    const body = problem(415, 'file_type_refused', { errors: [{ path: 'file', message: 'Geweigerd / Refused' }] });
    expect(problemFrom(415, 'Unsupported Media Type', JSON.stringify(body), null)).toEqual(body);
    expect(problemFrom(413, 'Payload Too Large', '', null)).toMatchObject({ code: 'payload_too_large', title: 'Payload Too Large' });
    expect(problemFrom(429, '', '', '7')).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 7, title: 'HTTP 429' });
  });
});

/** A scripted XMLHttpRequest: records what was sent and answers as told. */
class FakeXhr {
  static created: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  statusText = '';
  responseText = '';
  responseHeaders: Record<string, string> = {};
  upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  aborted = false;

  constructor(private readonly script: (xhr: FakeXhr) => void) {
    FakeXhr.created.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return this.responseHeaders[name] ?? null;
  }
  send(body: unknown) {
    this.body = body;
    queueMicrotask(() => this.script(this));
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  answer(status: number, body: unknown, headers: Record<string, string> = {}) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.responseHeaders = headers;
    this.onload?.();
  }
}

function xhrClient(fetchAnswers: ((call: Call) => Response)[], ...scripts: ((xhr: FakeXhr) => void)[]) {
  FakeXhr.created = [];
  const { fetch, calls } = fakeFetch(...fetchAnswers);
  const api = createApiClient({
    fetch,
    createXhr: () => {
      const script = scripts.shift();
      if (!script) throw new Error('unexpected upload');
      return new FakeXhr(script) as unknown as XMLHttpRequest;
    },
  });
  return { api, calls };
}

describe('upload (XMLHttpRequest)', () => {
  const file = new Blob([new Uint8Array(1000)]);

  it('sends the raw body with the CSRF token and reports progress', async () => {
    const progress: [number, number][] = [];
    const { api } = xhrClient([() => json(200, { token: 'tok' })], (xhr) => {
      xhr.upload.onprogress?.({ loaded: 400, total: 1000, lengthComputable: true });
      xhr.upload.onprogress?.({ loaded: 1000, total: 0, lengthComputable: false });
      xhr.answer(201, { id: 'f1' });
    });
    const result = await api.upload('/api/resources/r1/files', {
      body: file,
      headers: { 'x-file-name': 'a%20b.pdf' },
      schema: z.object({ id: z.string() }),
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(result).toEqual({ id: 'f1' });
    const xhr = FakeXhr.created[0]!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/resources/r1/files');
    expect(xhr.body).toBe(file);
    expect(xhr.headers).toMatchObject({ 'content-type': 'application/octet-stream', 'x-csrf-token': 'tok', 'x-file-name': 'a%20b.pdf' });
    expect(progress).toEqual([
      [400, 1000],
      [1000, 1000],
    ]);
  });

  it('turns problem+json answers into an ApiError with the upload code', async () => {
    const body = problem(413, 'file_too_large', { detail: 'The file is larger than 100 MB.' });
    const { api } = xhrClient([() => json(200, { token: 'tok' })], (xhr) => xhr.answer(413, body));
    const error = (await api.upload('/api/x', { body: file }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('file_too_large');
    expect(error.problem).toEqual(body);
  });

  it('maps answers without a problem body by status', async () => {
    const { api } = xhrClient([() => json(200, { token: 'tok' })], (xhr) => xhr.answer(413, '<html>too big</html>'));
    await expect(api.upload('/api/x', { body: file })).rejects.toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('retries once with a fresh CSRF token after csrf_invalid', async () => {
    const { api } = xhrClient(
      [() => json(200, { token: 'old' }), () => json(200, { token: 'new' })],
      (xhr) => xhr.answer(403, problem(403, 'csrf_invalid')),
      (xhr) => xhr.answer(201, { ok: true }),
    );
    await expect(api.upload('/api/x', { body: file })).resolves.toEqual({ ok: true });
    expect(FakeXhr.created.map((x) => x.headers['x-csrf-token'])).toEqual(['old', 'new']);
  });

  it('reports a network failure as network_error', async () => {
    const { api } = xhrClient([() => json(200, { token: 'tok' })], (xhr) => xhr.onerror?.());
    await expect(api.upload('/api/x', { body: file })).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });

  it('aborts the request when the signal fires, rejecting with AbortError', async () => {
    const controller = new AbortController();
    const { api } = xhrClient([() => json(200, { token: 'tok' })], () => controller.abort());
    const error = await api.upload('/api/x', { body: file, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(FakeXhr.created[0]!.aborted).toBe(true);
  });

  it('checks the answer with the contract schema', async () => {
    const { api } = xhrClient([() => json(200, { token: 'tok' })], (xhr) => xhr.answer(201, { id: 42 }));
    await expect(api.upload('/api/x', { body: file, schema: z.object({ id: z.string() }) })).rejects.toMatchObject({ code: 'invalid_response' });
  });
});
