import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaService } from '../src/core/database/prisma.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// The pool's size and wait come from DATABASE_POOL_MAX and DATABASE_POOL_TIMEOUT_MS. When every
// connection is busy, a request fails with 503 after the configured wait instead of hanging, and
// the API serves again once a connection is free. (bench/faults measures the same under load,
// and a PostgreSQL restart; here only the behaviour is checked, never timings.)
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ DATABASE_POOL_MAX: '1', DATABASE_POOL_TIMEOUT_MS: '200' });
});
afterAll(async () => t?.close());

describe('database pool exhausted', () => {
  it('answers 503 problem+json with Retry-After while the only connection is held, then 200 again', async () => {
    const client = t.client();
    let released = false;
    // Hold the pool's only connection until the request below has been answered.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const holds = new Promise<void>((resolve) => (holding = resolve));
    const holder = t.app.get(PrismaService).$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        holding();
        await held;
        released = true;
      },
      { timeout: 60_000 },
    );
    await holds;
    const busy = await client.get('/api/resources');
    expect(released).toBe(false);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('content-type')).toContain('application/problem+json');
    expect(busy.headers.get('retry-after')).toBe('5');
    expect(busy.body).toMatchObject({ status: 503, code: 'service_unavailable' });
    release();
    await holder;
    const after = await client.get('/api/resources');
    expect(after.status).toBe(200);
  });

  it('rejects a pool setting outside its bounds at start', async () => {
    await expect(startTestApp({ DATABASE_POOL_TIMEOUT_MS: '10' })).rejects.toThrow(/DATABASE_POOL_TIMEOUT_MS/);
  });
});
