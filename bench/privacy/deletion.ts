// The account-deletion benchmark: `npm run bench:privacy-deletion -- --rows 100000` (default 100,000).
// Seeds heavy members (bench/privacy/seed-heavy-member.ts) in a fresh embedded PostgreSQL and
// deletes one with the API's own job (DeletionJob.run: the plan from the @pii tags, batches of
// DELETION_BATCH_SIZE rows, one short transaction each), measuring its time, peak memory, the
// longest transaction open meanwhile (sampled from pg_stat_activity every 10 ms), and the longest
// wait of a concurrent writer touching the same rows others touch (a view counter of the member's
// own resource, a rating of another member on a resource the member rated). The reference,
// measured in the same run on a member with the same rows: the naive deletion, one
// `DELETE FROM "Member"` whose foreign keys cascade and set null in a single transaction.
// Writes the figures to docs/benchmarks.md. Not a test: nothing here passes or fails on timings.
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { loadConfig } from '../../apps/api/src/config/env.js';
import { startEmbeddedPostgres } from '../../apps/api/src/core/database/embedded-postgres.js';
import { applyMigrations } from '../../apps/api/src/core/database/migrations.js';
import { loadBuilt, MB, measured, root, writeSection } from './bench-support.js';
import { seedHeavyMember, type HeavyMember } from './seed-heavy-member.js';

// Not strict: `npm run bench -- …` passes every benchmark the same arguments.
const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, keep: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false } }, strict: false });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 400) {
  console.error('Usage: npm run bench:privacy-deletion -- [--rows N (≥ 400)] [--keep]');
  process.exit(2);
}
const log = (message: string) => console.log(`[bench:privacy-deletion] ${message}`);

async function builtApi() {
  return {
    AppModule: (await loadBuilt<typeof import('../../apps/api/src/app/app.module.js')>('app/app.module.js')).AppModule,
    JobQueue: (await loadBuilt<typeof import('../../apps/api/src/core/outbox/job-queue.js')>('core/outbox/job-queue.js')).JobQueue,
    DeletionJob: (await loadBuilt<typeof import('../../apps/api/src/modules/privacy/deletion/deletion-job.js')>('modules/privacy/deletion/deletion-job.js')).DeletionJob,
    SeedService: (await loadBuilt<typeof import('../../apps/api/src/seed/seed.service.js')>('seed/seed.service.js')).SeedService,
  };
}

interface Run {
  label: string;
  rows: number;
  seconds: number;
  peakRssGrowthMb: number;
  peakHeapGrowthMb: number;
  longestTransactionMs: number;
  longestProbeWaitMs: number;
  probes: number;
}

/**
 * While `work` runs: samples the longest-running open transaction of other sessions, and runs a
 * writer that bumps a counter on the member's own resource and changes another member's rating
 * of a resource the member rated, recording its longest wait.
 */
async function observed(databaseUrl: string, member: HeavyMember, work: () => Promise<void>) {
  const sampler = new pg.Client({ connectionString: databaseUrl });
  const writer = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([sampler.connect(), writer.connect()]);
  const { rows: rated } = await writer.query<{ resourceId: string }>('SELECT "resourceId" FROM "Rating" WHERE "memberId" = $1 LIMIT 1', [member.memberId]);
  const other = member.otherMemberIds[0]!;
  await writer.query(`INSERT INTO "Rating" ("memberId", "resourceId", score, "updatedAt") VALUES ($1, $2, 3, now()) ON CONFLICT DO NOTHING`, [other, rated[0]!.resourceId]);
  let running = true;
  let longestTransactionMs = 0;
  let longestProbeWaitMs = 0;
  let probes = 0;
  const sampling = (async () => {
    while (running) {
      const { rows: open } = await sampler.query<{ ms: number }>(
        `SELECT coalesce(max(extract(epoch FROM clock_timestamp() - xact_start) * 1000), 0)::float AS ms FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> $1 AND backend_type = 'client backend' AND xact_start IS NOT NULL AND state <> 'idle'`,
        [(writer as unknown as { processID: number }).processID],
      );
      longestTransactionMs = Math.max(longestTransactionMs, open[0]?.ms ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const probing = (async () => {
    while (running) {
      const start = performance.now();
      await writer.query('UPDATE "Resource" SET "viewCount" = "viewCount" + 1 WHERE id = $1', [member.ownResourceIds[0]]);
      await writer.query('UPDATE "Rating" SET score = 1 + (score % 5), "updatedAt" = now() WHERE "memberId" = $1 AND "resourceId" = $2', [other, rated[0]!.resourceId]);
      longestProbeWaitMs = Math.max(longestProbeWaitMs, performance.now() - start);
      probes += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    const m = await measured(work);
    return { m, longestTransactionMs: () => longestTransactionMs, longestProbeWaitMs: () => longestProbeWaitMs, probes: () => probes };
  } finally {
    running = false;
    await Promise.all([sampling, probing]);
    await Promise.all([sampler.end(), writer.end()]);
  }
}

async function main(): Promise<void> {
  if (!values['no-build']) {
    log('building the API');
    await promisify(execFile)('npx', ['turbo', 'run', 'build', '--filter=@lesplein/api', '--output-logs=errors-only'], { cwd: root, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
  }
  const { AppModule, JobQueue, DeletionJob, SeedService } = await builtApi();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-bench-deletion-'));
  fs.chmodSync(scratch, 0o755);
  log('starting an embedded PostgreSQL and applying migrations');
  const db = await startEmbeddedPostgres({ clusterDir: path.join(scratch, 'pg'), database: 'bench' });
  const runs: Run[] = [];
  let batchSize = 0;
  let seedSeconds = 0;
  try {
    await applyMigrations(db.url);
    const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: db.url, DATA_DIR: path.join(scratch, 'data'), WORKER: 'off', SEED_DEMO: 'false', LOG_LEVEL: 'warn', WEB_DIST_DIR: path.join(scratch, 'no-web') });
    batchSize = config.deletionBatchSize;
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, db.url), { logger: ['error'] });
    try {
      await app.get(SeedService).run({ demo: false });
      await app.get(JobQueue).start(); // queues only (WORKER=off): the job below runs in this process
      const start = performance.now();
      const warm = await seedHeavyMember(db.url, { rows: 2000, seed: 'bench-deletion-warm-up' });
      const light = await seedHeavyMember(db.url, { rows: Math.floor(rows / 4), seed: 'bench-deletion-light' });
      const heavy = await seedHeavyMember(db.url, { rows, seed: 'bench-deletion-heavy' });
      const naive = await seedHeavyMember(db.url, { rows, seed: 'bench-deletion-naive' });
      seedSeconds = (performance.now() - start) / 1000;
      log(`seeded ${light.rows + heavy.rows + naive.rows} rows in ${seedSeconds.toFixed(1)} s`);

      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const job = app.get(DeletionJob);
      const deleteWithJob = async (member: HeavyMember) => {
        const { rows: created } = await client.query<{ id: string }>(
          `INSERT INTO "AccountDeletion" (id, "memberId", status, "executeAfter", "startedAt") VALUES (gen_random_uuid(), $1, 'running', now(), now()) RETURNING id`,
          [member.memberId],
        );
        if ((await job.run(created[0]!.id)) !== 'completed') throw new Error('The deletion did not complete');
      };
      await deleteWithJob(warm);
      for (const [label, member] of [['batched job, N/4 rows', light], ['batched job, N rows', heavy]] as const) {
        const o = await observed(db.url, member, () => deleteWithJob(member));
        runs.push({ label, rows: member.rows, seconds: o.m.seconds, peakRssGrowthMb: (o.m.peakRss - o.m.baselineRss) / MB, peakHeapGrowthMb: (o.m.peakHeap - o.m.baselineHeap) / MB, longestTransactionMs: o.longestTransactionMs(), longestProbeWaitMs: o.longestProbeWaitMs(), probes: o.probes() });
      }
      const reference = await observed(db.url, naive, async () => {
        await client.query('DELETE FROM "Member" WHERE id = $1', [naive.memberId]);
      });
      runs.push({ label: 'reference: one DELETE (cascades), N rows', rows: naive.rows, seconds: reference.m.seconds, peakRssGrowthMb: (reference.m.peakRss - reference.m.baselineRss) / MB, peakHeapGrowthMb: (reference.m.peakHeap - reference.m.baselineHeap) / MB, longestTransactionMs: reference.longestTransactionMs(), longestProbeWaitMs: reference.longestProbeWaitMs(), probes: reference.probes() });
      await client.end();
      for (const run of runs) log(`${run.label}: ${run.seconds.toFixed(2)} s, longest transaction ${run.longestTransactionMs.toFixed(0)} ms, longest concurrent write ${run.longestProbeWaitMs.toFixed(0)} ms, heap +${run.peakHeapGrowthMb.toFixed(0)} MB`);
    } finally {
      await app.close();
    }
  } finally {
    await db.stop();
    if (values.keep) log(`kept ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  }
  const heavyRun = runs[1]!;
  const naiveRun = runs[2]!;
  const lines = [
    '',
    `Last run: ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; DELETION_BATCH_SIZE ${batchSize}. Seeding: ${seedSeconds.toFixed(1)} s.`,
    '',
    '| run | rows | time | rows/s | peak RSS growth | peak heap growth | longest open transaction | longest wait of a concurrent write |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...runs.map(
      (run) =>
        `| ${run.label} | ${run.rows.toLocaleString('en')} | ${run.seconds.toFixed(2)} s | ${Math.round(run.rows / run.seconds).toLocaleString('en')} | +${run.peakRssGrowthMb.toFixed(0)} MB | +${run.peakHeapGrowthMb.toFixed(0)} MB | ${run.longestTransactionMs.toFixed(0)} ms | ${run.longestProbeWaitMs.toFixed(0)} ms (${run.probes} writes) |`,
    ),
    '',
    `Ratios, batched job / one DELETE at N rows: time **${(heavyRun.seconds / naiveRun.seconds).toFixed(1)}×**, longest open transaction **${(heavyRun.longestTransactionMs / Math.max(1, naiveRun.longestTransactionMs)).toFixed(2)}×**, longest wait of a concurrent write **${(heavyRun.longestProbeWaitMs / Math.max(1, naiveRun.longestProbeWaitMs)).toFixed(2)}×**.`,
    '',
  ];
  const file = writeSection('privacy-deletion', SECTION, lines);
  log(`wrote ${path.relative(root, file)}`);
}

const SECTION = `## Account deletion (\`npm run bench:privacy-deletion -- --rows N\`)

Deletes a member seeded with N rows of usage data (the seeder of the export benchmark) with the
API's own job, \`DeletionJob.run\`: the plan derived from the schema's @pii tags, each step in
batches of DELETION_BATCH_SIZE rows, each batch its own short transaction (with a 5 s
\`lock_timeout\`), ratings and favourites deleted without touching the stored counts, the kept
contributions detached and re-indexed through the outbox, job payloads naming the member removed,
the ledger written, the member row deleted last. Measured meanwhile: the longest transaction open
in another session (pg_stat_activity, every 10 ms), and the longest wait of a concurrent writer that
bumps the view counter of the member's own resource and changes another member's rating of a
resource the member rated — what live traffic would feel. The reference, in the same run on a
member with the same rows, is the naive deletion: one \`DELETE FROM "Member"\` whose foreign keys
cascade and set null in a single transaction (it leaves search documents, job payloads and kept
texts untouched, so it does less). Compare the ratios; figures are from one run.
`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
