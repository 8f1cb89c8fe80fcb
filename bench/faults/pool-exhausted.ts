// Fault: connection pool exhausted. The API runs with a small Prisma pool (DATABASE_POOL_MAX=2)
// and a 1 s wait (DATABASE_POOL_TIMEOUT_MS=1000). The script locks a published resource's row
// from its own connection; anonymous views of that resource count the view (an UPDATE of the row),
// so they block on the lock while holding a pooled connection each, until every pooled connection
// is held. Further requests that need the database must then fail with 503 within the configured
// wait instead of hanging; once the lock is released, the held requests finish and the API serves
// normally again.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ms, query, scratchDir, seedResources, sleep, startApi, startDatabase } from '../api/stack.js';
import { percentile, VirtualUser } from '../load/users.js';
import { check, type Check } from './checks.js';

const POOL = 2;
const TIMEOUT_MS = 1000;

export async function poolExhausted(): Promise<{ checks: Check[]; notes: string[] }> {
  const scratch = scratchDir('faults-pool');
  const db = await startDatabase(path.join(scratch, 'pg'));
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  try {
    await seedResources(db.url, 200, 'lesplein-faults');
    const [locked, other] = (await query<{ id: string }>(db.url, `SELECT id FROM "Resource" WHERE state = 'published' ORDER BY id LIMIT 2`)).map((r) => r.id);
    api = await startApi(db.url, path.join(scratch, 'data'), { env: { DATABASE_POOL_MAX: String(POOL), DATABASE_POOL_TIMEOUT_MS: String(TIMEOUT_MS), RATE_LIMIT_PER_MINUTE: '100000' } });
    const before = await new VirtualUser(api.url).request('GET', `/api/resources/${other}`);

    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT 1 FROM "Resource" WHERE id = $1 FOR UPDATE`, [locked]);
    // Views of the locked resource wait on the row lock, each holding a pooled connection.
    const held = Array.from({ length: POOL }, () => new VirtualUser(api!.url).request('GET', `/api/resources/${locked}`, undefined, 60_000));
    await sleep(500);
    const probes = await Promise.all(Array.from({ length: 20 }, (_, i) => new VirtualUser(api!.url).request('GET', i % 2 ? '/api/resources' : `/api/resources/${other}`, undefined, 30_000)));
    const statuses = new Map<number, number>();
    for (const p of probes) statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1);
    const latencies = probes.map((p) => p.ms);
    const all503 = probes.every((p) => p.status === 503 && (p.body as { code?: string }).code === 'service_unavailable');
    await holder.query('ROLLBACK');
    await holder.end();
    const heldAnswers = await Promise.all(held);
    const after = await new VirtualUser(api.url).request('GET', `/api/resources/${other}`);
    const alive = api.child.exitCode === null;

    const checks = [
      check('Before: a request is served', '200', String(before.status), before.status === 200),
      check('Requests while every connection is held', 'all 503 service_unavailable', [...statuses].map(([s, n]) => `${n}× ${s}`).join(', '), all503),
      check('…within the configured wait', `≤ ${TIMEOUT_MS} ms + 500 ms`, `p50 ${ms(percentile(latencies, 50))} ms, max ${ms(Math.max(...latencies))} ms`, Math.max(...latencies) <= TIMEOUT_MS + 500),
      check('Held requests finish once released', `${POOL}× 200`, heldAnswers.map((a) => a.status).join(', '), heldAnswers.every((a) => a.status === 200)),
      check('After: served again, process up', '200, running', `${after.status}, ${alive ? 'running' : 'exited'}`, after.status === 200 && alive),
    ];
    const notes = [`Prisma pool of ${POOL} connections, DATABASE_POOL_TIMEOUT_MS=${TIMEOUT_MS}; ${POOL} views blocked on a row lock held by the script, then 20 requests at once (resource detail and list).`];
    return { checks, notes };
  } finally {
    if (api) await api.stop();
    await db.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
