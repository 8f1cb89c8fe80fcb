// Members and their browser-like sessions for the load and fault benchmarks. Members are inserted
// with SQL (verified, one argon2id hash of the same password, as the API writes them); each
// virtual user keeps cookies, fetches and sends the CSRF token like the web client, and presents
// its own client address through X-Forwarded-For (the API runs with TRUST_PROXY=true), as the API
// tests' HttpClient does, so per-address rate limits and log-in delays apply per user, as they
// would to real visitors.
import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import pg from 'pg';

export const PASSWORD = 'Bench-Paard-Batterij-7';

export interface BenchMember {
  id: string;
  email: string;
}

/** Inserts `count` verified members who can log in with PASSWORD. */
export async function createMembers(databaseUrl: string, count: number, prefix = 'load'): Promise<BenchMember[]> {
  const passwordHash = await hash(PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const members = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), email: `${prefix}-${i}@bench.example.org`, handle: `${prefix}-lid-${i}` }));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Member" (id, email, "passwordHash", handle, "firstName", "lastName", "emailVerifiedAt", "updatedAt")
       SELECT id, email, $4, handle, 'Bench', handle, now(), now() FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, email, handle)`,
      [members.map((m) => m.id), members.map((m) => m.email), members.map((m) => m.handle), passwordHash],
    );
  } finally {
    await client.end();
  }
  return members.map(({ id, email }) => ({ id, email }));
}

export interface Answer {
  status: number;
  /** Milliseconds from sending to the whole body. */
  ms: number;
  body: unknown;
  /** The request failed without an HTTP answer (connection refused, reset, timeout). */
  networkError?: string;
}

let addresses = 0;

/** A visitor with its own address, cookies and CSRF token. */
export class VirtualUser {
  readonly ip: string;
  private readonly cookies = new Map<string, string>();
  private csrfToken?: string;

  constructor(
    private readonly baseUrl: string,
    readonly member?: BenchMember,
  ) {
    addresses++;
    this.ip = `10.${200 + (addresses >> 16)}.${(addresses >> 8) & 255}.${addresses & 255}`;
  }

  async request(method: string, path: string, body?: unknown, timeoutMs = 30_000): Promise<Answer> {
    const start = performance.now();
    try {
      const headers: Record<string, string> = { 'x-forwarded-for': this.ip, 'user-agent': 'lesplein-bench' };
      if (method !== 'GET' && method !== 'HEAD') {
        if (!this.csrfToken) {
          const csrf = await this.request('GET', '/api/auth/csrf', undefined, timeoutMs);
          if (csrf.status !== 200) return { ...csrf, ms: performance.now() - start };
          this.csrfToken = (csrf.body as { token: string }).token;
        }
        headers['x-csrf-token'] = this.csrfToken;
      }
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const index = pair.indexOf('=');
        const value = pair.slice(index + 1).trim();
        if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(pair.slice(0, index).trim());
        else this.cookies.set(pair.slice(0, index).trim(), value);
      }
      const text = await response.text();
      let parsed: unknown = text;
      if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
      return { status: response.status, ms: performance.now() - start, body: parsed };
    } catch (error) {
      return { status: 0, ms: performance.now() - start, body: null, networkError: (error as Error).message };
    }
  }

  async logIn(): Promise<Answer> {
    if (!this.member) throw new Error('an anonymous visitor cannot log in');
    const answer = await this.request('POST', '/api/auth/login', { email: this.member.email, password: PASSWORD });
    if (answer.status === 200 && (answer.body as { status?: string }).status !== 'signed_in') return { ...answer, status: 599 };
    return answer;
  }

  async logOut(): Promise<Answer> {
    return this.request('POST', '/api/auth/logout');
  }
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
