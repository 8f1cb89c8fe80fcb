import { randomInt } from 'node:crypto';

export interface Response<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  /** Send the CSRF header (default true for state-changing methods). */
  csrf?: boolean;
  headers?: Record<string, string>;
  /** Raw body instead of JSON. */
  raw?: Buffer | string;
  /** 'manual': return redirects instead of following them (to see each step's cookies). */
  redirect?: 'follow' | 'manual';
}

/**
 * A tiny HTTP client for API tests: keeps cookies like a browser, fetches and sends the CSRF
 * token, and presents a fake client address (X-Forwarded-For; the test app trusts the proxy)
 * so rate limits and brute-force counters of different tests do not collide.
 */
export class HttpClient {
  readonly ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  private readonly cookies = new Map<string, string>();
  private csrfToken?: string;

  constructor(private readonly baseUrl: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  get<T = any>(path: string, options: RequestOptions = {}) {
    return this.request<T>('GET', path, undefined, options);
  }
  post<T = any>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.request<T>('POST', path, body, options);
  }
  put<T = any>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.request<T>('PUT', path, body, options);
  }
  patch<T = any>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.request<T>('PATCH', path, body, options);
  }
  delete<T = any>(path: string, options: RequestOptions = {}) {
    return this.request<T>('DELETE', path, undefined, options);
  }

  async request<T = any>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<Response<T>> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip, 'user-agent': 'lesplein-api-tests', ...options.headers };
    const stateChanging = !['GET', 'HEAD'].includes(method);
    if (stateChanging && options.csrf !== false) headers['x-csrf-token'] = await this.csrf();
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload, redirect: options.redirect ?? 'follow' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(attribute));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  async csrf(): Promise<string> {
    if (!this.csrfToken) {
      const response = await this.get<{ token: string }>('/api/auth/csrf');
      this.csrfToken = response.body.token;
    }
    return this.csrfToken;
  }
}
