// Fault benchmarks: `npm run bench:faults -- [--only postgres,pool,worker] [--no-build]`.
// Each scenario starts its own PostgreSQL and the built API on loopback, injects one fault, prints
// a pass/fail table and writes it to its own section of docs/benchmarks.md. Bounded in time
// (about three minutes). Not a test: run by hand or by `npm run bench`.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { build, logger, today, writeSection } from '../api/stack.js';
import { checksTable, printChecks, type Check } from './checks.js';
import { poolExhausted } from './pool-exhausted.js';
import { postgresRestart } from './postgres-restart.js';
import { workerKilled } from './worker-killed.js';

const log = logger('bench:faults');
const { values } = parseArgs({
  options: { only: { type: 'string', default: 'postgres,pool,worker' }, 'no-build': { type: 'boolean', default: false }, users: { type: 'string', default: '30' }, outage: { type: 'string', default: '5' } },
  strict: true,
  allowPositionals: true,
});
const only = new Set(values.only.split(','));

const conditions = () => `Last run: ${today()}, ${os.cpus().length} CPUs, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)} at the start (a machine shared with other test runs).`;

async function main(): Promise<void> {
  if (!values['no-build']) {
    log('building');
    await build();
  }
  let failed = false;
  const record = (key: string, title: string, intro: string, result: { checks: Check[]; notes: string[] }) => {
    printChecks(title, result.checks);
    failed ||= result.checks.some((c) => !c.pass);
    log(`wrote ${writeSection(key, intro, [conditions(), '', ...result.notes, '', checksTable(result.checks)].join('\n'))}`);
  };
  if (only.has('postgres')) {
    log('PostgreSQL restarted mid-load');
    record('faults-postgres', 'PostgreSQL restarted mid-load', POSTGRES_INTRO, await postgresRestart({ users: Number(values.users), outageSeconds: Number(values.outage) }));
  }
  if (only.has('pool')) {
    log('connection pool exhausted');
    record('faults-pool', 'Connection pool exhausted', POOL_INTRO, await poolExhausted());
  }
  if (only.has('worker')) {
    log('worker killed mid-job');
    record('faults-worker', 'Worker killed mid-job', WORKER_INTRO, await workerKilled());
  }
  if (failed) log('some checks failed (see the tables above)');
}

const POSTGRES_INTRO = `## Faults: PostgreSQL restarted mid-load (\`npm run bench:faults -- --only postgres\`)

\`bench/faults/postgres-restart.ts\` runs the built API against a PostgreSQL cluster the script
controls (\`DATABASE_URL\`; the API's own \`startEmbeddedPostgres\` on a fixed loopback port), logs
members in and has them view, favourite, comment and search; then it stops PostgreSQL (fast
shutdown, connections cut), keeps it down, starts it again, and keeps the load going. It checks
that the API stays up, answers 503 problem+json at once during the outage, recovers within 5 s,
lost no acknowledged write, drains its outbox, and that the search index matches the database.`;

const POOL_INTRO = `## Faults: connection pool exhausted (\`npm run bench:faults -- --only pool\`)

\`bench/faults/pool-exhausted.ts\` starts the API with a small Prisma pool (\`DATABASE_POOL_MAX\`)
and a short \`DATABASE_POOL_TIMEOUT_MS\`, holds every pooled connection busy with slow requests,
and checks that further requests that need the database fail with 503 within the configured
timeout instead of hanging, and that the API serves normally once the connections are free.`;

const WORKER_INTRO = `## Faults: worker killed mid-job (\`npm run bench:faults -- --only worker\`)

\`bench/faults/worker-killed.ts\` runs the separate worker process (\`apps/api/dist/worker.js\`, as
deployed next to an API with \`WORKER=off\`), queues a \`search.index\` job and catches it mid-run
(the script holds the advisory lock the indexer takes for that resource), kills the worker with
SIGKILL, releases the lock and starts a new worker; it checks, within a bounded wait (120 s: the
job's 60 s expiry, the 15 s expiry check and the retry delay), that the job is retried and
completes and that its effect (the resource's search document) happens once.`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
