import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WriteBehindCounter } from '../src/core/rate-limit/write-behind-counter.js';
import { cloneTemplateDatabase } from './support/test-app.js';

/**
 * The global per-address budget is decided in memory and written behind once a second to the
 * shared rate_limits table. Two counters on one table stand for two API processes.
 */
let databaseUrl: string;
let pool: pg.Pool;

beforeAll(async () => {
  databaseUrl = await cloneTemplateDatabase();
  pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
});
afterAll(() => pool.end());
beforeEach(() => pool.query('DELETE FROM rate_limits'));

/** A TCP relay to the database that can be cut (connections refused and dropped) and restored. */
async function databaseLink(target: URL): Promise<{ url: string; cut(): void; restore(): void; close(): Promise<void> }> {
  let up = true;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!up) return client.destroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => open.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    cut: () => {
      up = false;
      for (const socket of open) socket.destroy();
    },
    restore: () => {
      up = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const row = async (key: string) => (await pool.query<{ points: number; expire: string }>('SELECT points, expire FROM rate_limits WHERE key = $1', [key])).rows[0];

describe('WriteBehindCounter', () => {
  it('is exact within one process: the budget allows `points` hits, then refuses until the window ends', () => {
    const counter = new WriteBehindCounter(pool, 'global', 5, 60_000);
    const verdicts = Array.from({ length: 7 }, () => counter.hit('client-a'));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(verdicts[6]!.msBeforeReset).toBeGreaterThan(59_000);
    expect(verdicts[6]!.msBeforeReset).toBeLessThanOrEqual(60_000);
    // Another client has its own budget.
    expect(counter.hit('client-b').allowed).toBe(true);
    return counter.close();
  });

  it('still counts hits while they are being written', async () => {
    const counter = new WriteBehindCounter(pool, 'global', 5, 60_000);
    for (let i = 0; i < 5; i++) counter.hit('client');
    const writing = counter.flush();
    expect(counter.hit('client').allowed).toBe(false);
    await writing;
    expect(counter.hit('client').allowed).toBe(false);
    await counter.close();
    expect((await row('global:client'))?.points).toBe(7);
  });

  it('writes nothing per hit, then one row per key with the summed points', async () => {
    const counter = new WriteBehindCounter(pool, 'global', 100, 60_000);
    for (let i = 0; i < 4; i++) counter.hit('client-a');
    counter.hit('client-b');
    expect((await pool.query('SELECT count(*)::int AS n FROM rate_limits')).rows[0].n).toBe(0);
    await counter.flush();
    expect((await row('global:client-a'))?.points).toBe(4);
    expect((await row('global:client-b'))?.points).toBe(1);
    counter.hit('client-a');
    await counter.close();
    expect((await row('global:client-a'))?.points).toBe(5);
  });

  it('shares the budget across processes once each has written: both refuse the client', async () => {
    const a = new WriteBehindCounter(pool, 'global', 5, 60_000);
    const b = new WriteBehindCounter(pool, 'global', 5, 60_000);
    for (let i = 0; i < 3; i++) expect(a.hit('client').allowed).toBe(true);
    for (let i = 0; i < 2; i++) expect(b.hit('client').allowed).toBe(true);
    await a.flush();
    await b.flush();
    expect((await row('global:client'))?.points).toBe(5);
    // B learnt A's three from its write: the sixth hit is refused.
    expect(b.hit('client').allowed).toBe(false);
    // A knows only its own three until it writes again (the documented second of slack)…
    expect(a.hit('client').allowed).toBe(true);
    await a.flush();
    // …and then refuses too.
    expect(a.hit('client').allowed).toBe(false);
    await Promise.all([a.close(), b.close()]);
    expect((await row('global:client'))?.points).toBe(8);
  });

  it('starts a new window once the old one has ended, in memory and in the table', async () => {
    const counter = new WriteBehindCounter(pool, 'global', 2, 300);
    expect([counter.hit('c').allowed, counter.hit('c').allowed, counter.hit('c').allowed]).toEqual([true, true, false]);
    await counter.flush();
    const first = await row('global:c');
    expect(first?.points).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(counter.hit('c').allowed).toBe(true);
    await counter.flush();
    const second = await row('global:c');
    expect(second?.points).toBe(1);
    expect(Number(second?.expire)).toBeGreaterThan(Number(first?.expire));
    await counter.close();
  });

  it('keeps deciding and keeps its counts while the database is away, and writes them once it is back', async () => {
    const link = await databaseLink(new URL(databaseUrl));
    const through = new pg.Pool({ connectionString: link.url, connectionTimeoutMillis: 500, max: 1 });
    through.on('error', () => undefined);
    const counter = new WriteBehindCounter(through, 'global', 3, 60_000);
    link.cut();
    expect([counter.hit('c').allowed, counter.hit('c').allowed]).toEqual([true, true]);
    await expect(counter.flush()).rejects.toThrow();
    expect((await row('global:c'))).toBeUndefined();
    expect([counter.hit('c').allowed, counter.hit('c').allowed]).toEqual([true, false]);
    link.restore();
    await counter.close();
    expect((await row('global:c'))?.points).toBe(4);
    await through.end();
    await link.close();
  });

  it('writes the hits of the last second within a second without being asked', async () => {
    const counter = new WriteBehindCounter(pool, 'global', 10, 60_000);
    counter.hit('timer');
    await expect.poll(async () => (await row('global:timer'))?.points, { timeout: 3000, interval: 100 }).toBe(1);
    await counter.close();
  });
});
