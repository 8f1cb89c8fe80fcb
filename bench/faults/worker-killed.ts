// Fault: worker killed mid-job. The separate worker process (apps/api/dist/worker.js, as deployed
// next to an API with WORKER=off) runs a `search.index` job for one resource; the script holds the
// advisory lock the indexer takes for that resource, so the job is caught mid-run (its transaction
// open, waiting), then kills the worker with SIGKILL, releases the lock and starts a new worker.
// Checked, within a bounded wait: the job is retried and completes, and its effect (the resource's
// search document) happens once.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { API_WORKER, apiEnv, freePort, query, scratchDir, seedResources, sleep, startDatabase, startServer, type ServerProcess } from '../api/stack.js';
import { check, type Check } from './checks.js';

export async function workerKilled(waitSeconds = 60): Promise<{ checks: Check[]; notes: string[] }> {
  const scratch = scratchDir('faults-worker');
  const db = await startDatabase(path.join(scratch, 'pg'));
  const dataDir = path.join(scratch, 'data');
  const workers: ServerProcess[] = [];
  const startWorker = async () => {
    const port = await freePort();
    const worker = await startServer({ script: API_WORKER, env: apiEnv(db.url, dataDir, port), port });
    workers.push(worker);
    return worker;
  };
  const boss = new PgBoss({ connectionString: db.url, schema: 'pgboss', supervise: false, schedule: false, migrate: false });
  boss.on('error', () => undefined);
  const locker = new pg.Client({ connectionString: db.url });
  try {
    await seedResources(db.url, 20, 'lesplein-faults');
    const [{ id }] = (await query<{ id: string }>(db.url, `SELECT id FROM "Resource" WHERE state = 'published' ORDER BY id LIMIT 1`)) as [{ id: string }];
    const first = await startWorker();
    await boss.start();
    await locker.connect();
    await locker.query('SELECT pg_advisory_lock(7007, hashtext($1))', [id]);
    const jobId = await boss.send('search.index', { ids: [id] });
    const state = async () => (await query<{ state: string; retry_count: number }>(db.url, `SELECT state::text, retry_count FROM pgboss.job WHERE id = $1 UNION ALL SELECT state::text, retry_count FROM pgboss.archive WHERE id = $1`, [jobId]))[0];
    const activeBy = Date.now() + 20_000;
    while ((await state())?.state !== 'active' && Date.now() < activeBy) await sleep(100);
    const wasActive = (await state())?.state === 'active';
    await sleep(500); // the handler is inside its transaction, waiting for the lock
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    await locker.query('SELECT pg_advisory_unlock(7007, hashtext($1))', [id]);
    const killedAt = performance.now();
    await startWorker();
    let final = await state();
    while (final?.state !== 'completed' && performance.now() - killedAt < waitSeconds * 1000) {
      await sleep(500);
      final = await state();
    }
    const seconds = (performance.now() - killedAt) / 1000;
    const documents = (await query<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM "SearchDocument" WHERE "resourceId" = $1`, [id]))[0]!.n;
    const completed = final?.state === 'completed';
    const checks = [
      check('Job caught mid-run, worker killed', 'active when killed', wasActive ? 'active, SIGKILL' : `state ${final?.state ?? 'unknown'}`, wasActive),
      check('Job retried and completed', `within ${waitSeconds} s`, completed ? `completed after ${seconds.toFixed(1)} s (retry count ${final!.retry_count})` : `still ${final?.state ?? 'unknown'} after ${seconds.toFixed(0)} s`, completed),
      check('Effect happened once', '1 search document', String(documents), documents === 1),
    ];
    const notes = [
      `One \`search.index\` job, held mid-run by the advisory lock the indexer takes; worker killed with SIGKILL, a new worker started at once; waited at most ${waitSeconds} s.`,
      ...(completed
        ? []
        : [
            'pg-boss 10 has no heartbeat: a job whose worker died stays `active` until its expiry (`expireInSeconds`, 15 minutes by default, not set by the JobQueue) and is retried only then. A shorter expiry per job type (longer than its longest legitimate run), or pg-boss 11\'s heartbeat (needs Node 22), would bring the retry within seconds.',
          ]),
    ];
    return { checks, notes };
  } finally {
    await locker.end().catch(() => undefined);
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    for (const worker of workers) await worker.stop();
    await db.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
