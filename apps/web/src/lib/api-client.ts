/**
 * The one fetch wrapper of the web client.
 *
 * - Same-origin requests with the session cookie (`credentials: 'same-origin'`).
 * - JSON bodies, or a raw body (e.g. an image) with its own content type.
 * - State-changing requests carry the CSRF token from `GET /api/auth/csrf` in `x-csrf-token`;
 *   the token is cached and fetched again (once) when the API answers 403 `csrf_invalid`.
 * - Every error becomes an `ApiError` carrying an RFC 9457 problem (`Problem` contract);
 *   responses that are not problem+json are turned into one, so callers branch on `code` only.
 * - Successful responses are checked against the contract schema when one is given. Code on the
 *   start-up path passes `lazySchema(() => import(...))` instead, so the contract module (and zod
 *   with it) is fetched alongside the request rather than in the start-up bundle.
 * - `upload` sends a raw body with XMLHttpRequest instead, because fetch cannot report upload
 *   progress; CSRF, problem parsing and schema checks are the same.
 */
import type { Problem } from '@lesplein/contracts/common';
import type { z } from 'zod';
import { ProblemCode } from './problem-codes';

/** Codes the client produces itself, next to the API's `ProblemCode`s. */
export const ClientProblemCode = {
  network: 'network_error',
  invalidResponse: 'invalid_response',
} as const;

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** True when `error` is an ApiError with the given problem code. */
export function hasProblemCode(error: unknown, code: string): boolean {
  return isApiError(error) && error.code === code;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A contract schema fetched on first use: `lazySchema(() => import('@lesplein/contracts/x').then((m) => m.X))`. */
export interface LazySchema<T> {
  readonly load: () => Promise<z.ZodType<T>>;
}

/** A contract schema, or one loaded (in parallel with the request) when the request is made. */
export type SchemaSource<T> = z.ZodType<T> | LazySchema<T>;

export function lazySchema<T>(load: () => Promise<z.ZodType<T>>): LazySchema<T> {
  return { load };
}

function isLazySchema<T>(schema: SchemaSource<T>): schema is LazySchema<T> {
  return 'load' in schema && typeof schema.load === 'function';
}

/** Starts loading a lazy schema at once; a failed load is reported when the body is checked. */
function startLoading<T>(schema: SchemaSource<T> | undefined): Promise<z.ZodType<T> | undefined> {
  if (!schema) return Promise.resolve(undefined);
  if (!isLazySchema(schema)) return Promise.resolve(schema);
  const loading = schema.load();
  loading.catch(() => undefined); // Not unhandled when the request itself fails first.
  return loading;
}

export interface RequestOptions<T> {
  method?: Method;
  /** A JSON-serialisable body (sent as application/json). */
  json?: unknown;
  /** A raw body with its content type, e.g. an image upload. */
  raw?: { body: Blob; contentType: string };
  /** Contract schema of the successful response; the body is parsed with it. */
  schema?: SchemaSource<T>;
  signal?: AbortSignal;
}

const STATE_CHANGING = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

function fallbackCode(status: number): string {
  if (status === 400 || status === 422) return ProblemCode.validation;
  if (status === 401) return ProblemCode.unauthenticated;
  if (status === 403) return ProblemCode.forbidden;
  if (status === 404) return ProblemCode.notFound;
  if (status === 409) return ProblemCode.conflict;
  if (status === 413) return ProblemCode.payloadTooLarge;
  if (status === 429) return ProblemCode.rateLimited;
  if (status === 503) return ProblemCode.unavailable;
  return ProblemCode.internal;
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Checks a body against the `Problem` contract by hand: this runs on every error, and the
 * start-up bundle should not need zod for it.
 */
export function asProblem(body: unknown): Problem | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  if (typeof b.type !== 'string' || typeof b.title !== 'string' || typeof b.code !== 'string') return null;
  if (typeof b.status !== 'number' || !Number.isInteger(b.status)) return null;
  const problem: Problem = { type: b.type, title: b.title, status: b.status, code: b.code };
  if (typeof b.detail === 'string') problem.detail = b.detail;
  if (typeof b.instance === 'string') problem.instance = b.instance;
  if (Array.isArray(b.errors)) {
    problem.errors = b.errors
      .filter((e): e is { path: string; message: string } => typeof e === 'object' && e !== null && typeof (e as Record<string, unknown>).path === 'string' && typeof (e as Record<string, unknown>).message === 'string')
      .map((e) => ({ path: e.path, message: e.message }));
  }
  if (typeof b.retryAfterSeconds === 'number' && Number.isInteger(b.retryAfterSeconds)) problem.retryAfterSeconds = b.retryAfterSeconds;
  return problem;
}

/**
 * Turns the parts of any non-2xx answer into a Problem. Well-formed problem+json is kept as
 * is; anything else (HTML from a proxy, empty bodies, plain JSON) becomes a problem whose code
 * follows from the status. Used for fetch responses and for XMLHttpRequest uploads alike.
 */
export function problemFrom(status: number, statusText: string, text: string, retryAfterHeader: string | null): Problem {
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  const parsed = asProblem(body);
  const retryAfter = retryAfterSeconds(retryAfterHeader);
  if (parsed) {
    if (parsed.retryAfterSeconds === undefined && retryAfter !== undefined) return { ...parsed, retryAfterSeconds: retryAfter };
    return parsed;
  }
  const loose = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const problem: Problem = {
    type: 'about:blank',
    title: typeof loose.title === 'string' ? loose.title : statusText || `HTTP ${status}`,
    status,
    code: typeof loose.code === 'string' ? loose.code : fallbackCode(status),
  };
  if (typeof loose.detail === 'string') problem.detail = loose.detail;
  if (retryAfter !== undefined) problem.retryAfterSeconds = retryAfter;
  return problem;
}

/** Turns any non-2xx fetch response into a Problem (see `problemFrom`). */
export async function parseProblem(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  return problemFrom(response.status, response.statusText, text, response.headers.get('retry-after'));
}

export interface UploadOptions<T> {
  /** The file (or any blob), sent as the raw request body. */
  body: Blob;
  method?: 'POST' | 'PUT';
  /** Defaults to application/octet-stream. */
  contentType?: string;
  /** Extra headers, e.g. the file name. */
  headers?: Record<string, string>;
  /** Contract schema of the successful response. */
  schema?: SchemaSource<T>;
  /** Bytes sent so far and in all; called as the body leaves the browser. */
  onProgress?: (loaded: number, total: number) => void;
  /** Aborting rejects with a DOMException named AbortError, as fetch does. */
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  /** Defaults to the global fetch; tests pass their own. */
  fetch?: typeof fetch;
  /** Creates the XMLHttpRequest for uploads (fetch cannot report upload progress); tests pass their own. */
  createXhr?: () => XMLHttpRequest;
  /** Prefix for every path, '' for same origin. */
  baseUrl?: string;
}

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);
  let csrfToken: Promise<string> | null = null;

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(baseUrl + path, { ...init, credentials: 'same-origin' });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError({
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        code: ClientProblemCode.network,
      });
    }
  }

  function getCsrfToken(): Promise<string> {
    csrfToken ??= (async () => {
      const response = await send('/api/auth/csrf', { method: 'GET', headers: { accept: 'application/json' } });
      if (!response.ok) throw new ApiError(await parseProblem(response));
      const body = (await response.json()) as { token?: unknown };
      if (typeof body.token !== 'string') {
        throw new ApiError({ type: 'about:blank', title: 'Invalid CSRF response', status: response.status, code: ClientProblemCode.invalidResponse });
      }
      return body.token;
    })();
    // A failed fetch must not be cached.
    csrfToken.catch(() => {
      csrfToken = null;
    });
    return csrfToken;
  }

  async function request<T = unknown>(path: string, opts: RequestOptions<T> = {}): Promise<T> {
    const method = opts.method ?? 'GET';
    const stateChanging = STATE_CHANGING.has(method);
    const schema = startLoading(opts.schema);

    const attempt = async (): Promise<Response> => {
      const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
      let body: BodyInit | undefined;
      if (opts.raw) {
        headers['content-type'] = opts.raw.contentType;
        body = opts.raw.body;
      } else if (opts.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(opts.json);
      }
      if (stateChanging) headers['x-csrf-token'] = await getCsrfToken();
      const init: RequestInit = { method, headers };
      if (body !== undefined) init.body = body;
      if (opts.signal) init.signal = opts.signal;
      return send(path, init);
    };

    let response = await attempt();
    if (!response.ok && stateChanging && response.status === 403) {
      const problem = await parseProblem(response.clone());
      if (problem.code === ProblemCode.csrf) {
        csrfToken = null;
        response = await attempt();
      }
    }
    if (!response.ok) throw new ApiError(await parseProblem(response));

    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return checkBody(method, path, response.status, text, await schema);
  }

  /** One XMLHttpRequest: resolves with status, body text and Retry-After; rejects on network failure or abort. */
  function sendXhr(method: string, path: string, opts: UploadOptions<unknown>, headers: Record<string, string>) {
    return new Promise<{ status: number; statusText: string; text: string; retryAfter: string | null }>((resolve, reject) => {
      const abortError = () => new DOMException('The upload was cancelled.', 'AbortError');
      if (opts.signal?.aborted) {
        reject(abortError());
        return;
      }
      const xhr = options.createXhr ? options.createXhr() : new XMLHttpRequest();
      const onAbortSignal = () => xhr.abort();
      const done = () => opts.signal?.removeEventListener('abort', onAbortSignal);
      xhr.open(method, baseUrl + path);
      // Same origin: the session cookie goes along without withCredentials.
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => opts.onProgress?.(event.loaded, event.lengthComputable ? event.total : opts.body.size);
      xhr.onload = () => {
        done();
        resolve({ status: xhr.status, statusText: xhr.statusText, text: xhr.responseText, retryAfter: xhr.getResponseHeader('retry-after') });
      };
      xhr.onerror = () => {
        done();
        reject(new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: ClientProblemCode.network }));
      };
      xhr.onabort = () => {
        done();
        reject(abortError());
      };
      opts.signal?.addEventListener('abort', onAbortSignal, { once: true });
      xhr.send(opts.body);
    });
  }

  /**
   * Sends a raw body with XMLHttpRequest, which (unlike fetch) reports upload progress.
   * Same rules as `request`: CSRF header (retried once after csrf_invalid), problem+json
   * errors as ApiError, the answer checked with the contract schema.
   */
  async function upload<T = unknown>(path: string, opts: UploadOptions<T>): Promise<T> {
    const method = opts.method ?? 'POST';
    const schema = startLoading(opts.schema);
    const attempt = async () => {
      const headers: Record<string, string> = {
        accept: 'application/json, application/problem+json',
        'content-type': opts.contentType ?? 'application/octet-stream',
        ...opts.headers,
        'x-csrf-token': await getCsrfToken(),
      };
      return sendXhr(method, path, opts as UploadOptions<unknown>, headers);
    };
    let answer = await attempt();
    if (answer.status === 403) {
      const problem = problemFrom(answer.status, answer.statusText, answer.text, answer.retryAfter);
      if (problem.code === ProblemCode.csrf) {
        csrfToken = null;
        answer = await attempt();
      }
    }
    if (answer.status < 200 || answer.status >= 300) {
      throw new ApiError(problemFrom(answer.status, answer.statusText, answer.text, answer.retryAfter));
    }
    return checkBody(method, path, answer.status, answer.text, await schema);
  }

  return {
    request,
    upload,
    get: <T>(path: string, schema?: SchemaSource<T>, signal?: AbortSignal) =>
      request<T>(path, { method: 'GET', ...(schema ? { schema } : {}), ...(signal ? { signal } : {}) }),
    post: <T>(path: string, json?: unknown, schema?: SchemaSource<T>) =>
      request<T>(path, { method: 'POST', json: json ?? {}, ...(schema ? { schema } : {}) }),
    put: <T>(path: string, json?: unknown, schema?: SchemaSource<T>) =>
      request<T>(path, { method: 'PUT', json: json ?? {}, ...(schema ? { schema } : {}) }),
    patch: <T>(path: string, json?: unknown, schema?: SchemaSource<T>) =>
      request<T>(path, { method: 'PATCH', json: json ?? {}, ...(schema ? { schema } : {}) }),
    delete: <T>(path: string, schema?: SchemaSource<T>) =>
      request<T>(path, { method: 'DELETE', ...(schema ? { schema } : {}) }),
    /** Forget the cached CSRF token (after sign-in and sign-out the API may rotate it). */
    resetCsrfToken: () => {
      csrfToken = null;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Parses a successful answer's body and checks it with the contract schema, when one is given. */
function checkBody<T>(method: string, path: string, status: number, text: string, schema: z.ZodType<T> | undefined): T {
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Unexpected response', status, code: ClientProblemCode.invalidResponse, detail: `${method} ${path}: not JSON` });
  }
  if (!schema) return data as T;
  const checked = schema.safeParse(data);
  if (!checked.success) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Unexpected response',
      status,
      code: ClientProblemCode.invalidResponse,
      detail: `${method} ${path}: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    });
  }
  return checked.data;
}

/** The client the app uses. */
export const api = createApiClient();
