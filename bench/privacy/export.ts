// The data-export benchmark: `npm run bench:privacy-export -- --rows 100000` (default 100,000).
// Seeds one heavy member (bench/privacy/seed-heavy-member.ts) in a fresh embedded PostgreSQL, runs
// the API's own export job for them (the Nest application context, object storage on local disk)
// and measures its time, peak RSS and peak heap, sampled every 10 ms. The same is done for a member
// with a quarter of the rows: if the export streams, its memory does not grow with the rows. The
// reference, measured in the same run: `COPY (SELECT …) TO STDOUT` through `pg` of the same rows
// (the category queries' joins, CSV, bytes counted and dropped), i.e. how fast PostgreSQL alone
// hands the data over. Writes the figures to docs/benchmarks.md. Not a test: nothing here passes
// or fails on timings.
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs, promisify } from 'node:util';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { loadConfig } from '../../apps/api/src/config/env.js';
import { startEmbeddedPostgres } from '../../apps/api/src/core/database/embedded-postgres.js';
import { applyMigrations } from '../../apps/api/src/core/database/migrations.js';
import { loadBuilt, MB, measured, root, writeSection } from './bench-support.js';
import { seedHeavyMember, type HeavyMember } from './seed-heavy-member.js';

// Not strict: `npm run bench -- …` passes every benchmark the same arguments.
const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, keep: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false } }, strict: false });

/** The API's Nest classes from its build, typed from the sources. */
async function builtApi() {
  return {
    AppModule: (await loadBuilt<typeof import('../../apps/api/src/app/app.module.js')>('app/app.module.js')).AppModule,
    JobQueue: (await loadBuilt<typeof import('../../apps/api/src/core/outbox/job-queue.js')>('core/outbox/job-queue.js')).JobQueue,
    DataExportJob: (await loadBuilt<typeof import('../../apps/api/src/modules/privacy/export/data-export.job.js')>('modules/privacy/export/data-export.job.js')).DataExportJob,
    SeedService: (await loadBuilt<typeof import('../../apps/api/src/seed/seed.service.js')>('seed/seed.service.js')).SeedService,
  };
}
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 400) {
  console.error('Usage: npm run bench:privacy-export -- [--rows N (≥ 400)] [--keep]');
  process.exit(2);
}
const log = (message: string) => console.log(`[bench:privacy-export] ${message}`);

interface ExportRun {
  rows: number;
  seconds: number;
  archiveBytes: number;
  baselineRssMb: number;
  peakRssMb: number;
  baselineHeapMb: number;
  peakHeapMb: number;
  /** Live heap (sampled right after a forced collection, in a second, untimed run) above the start. */
  liveHeapGrowthMb: number;
}

interface Report {
  date: string;
  machine: string;
  seedSeconds: number;
  runs: ExportRun[];
  copySeconds: number;
  copyBytes: number;
}

/** The reference: the member's rows as CSV through COPY, the same tables and joins as the export's categories. */
function copyQueries(memberId: string): string[] {
  const id = `'${memberId}'::uuid`; // a uuid we generated, not input
  return [
    `SELECT r.id, r.title, r.description, r.type, r.state, r.keywords, r."createdAt" FROM "Resource" r WHERE r."authorId" = ${id} ORDER BY r."createdAt", r.id`,
    `SELECT f.id, f.name, f.description, f.visibility, f."createdAt" FROM "Folder" f WHERE f."ownerId" = ${id} ORDER BY f."createdAt", f.id`,
    `SELECT i."folderId", f.name, i."resourceId", r.title, i.position, i."addedAt" FROM "FolderItem" i JOIN "Folder" f ON f.id = i."folderId" JOIN "Resource" r ON r.id = i."resourceId" WHERE f."ownerId" = ${id} ORDER BY i."folderId", i."resourceId"`,
    `SELECT v."resourceId", r.title, v."createdAt" FROM "Favourite" v JOIN "Resource" r ON r.id = v."resourceId" WHERE v."memberId" = ${id} ORDER BY v."createdAt", v."resourceId"`,
    `SELECT v."resourceId", r.title, v.score, v."createdAt" FROM "Rating" v JOIN "Resource" r ON r.id = v."resourceId" WHERE v."memberId" = ${id} ORDER BY v."resourceId"`,
    `SELECT c.id, c."resourceId", r.title, c.body, c."createdAt" FROM "Comment" c JOIN "Resource" r ON r.id = c."resourceId" WHERE c."authorId" = ${id} ORDER BY c."createdAt", c.id`,
    `SELECT m.id, m."conversationId", o."firstName" || ' ' || o."lastName", m."senderId" = ${id}, m.body, m."createdAt" FROM "Conversation" c JOIN "Message" m ON m."conversationId" = c.id
       LEFT JOIN "Member" o ON o.id = CASE WHEN c."memberAId" = ${id} THEN c."memberBId" ELSE c."memberAId" END WHERE c."memberAId" = ${id} OR c."memberBId" = ${id} ORDER BY m."conversationId", m."createdAt", m.id`,
    `SELECT h.id, h.filters, h."resultCount", h."searchedAt" FROM "SearchHistoryEntry" h WHERE h."memberId" = ${id} ORDER BY h."searchedAt", h.id`,
    `SELECT v."resourceId", r.title, v."viewedAt" FROM "ResourceView" v JOIN "Resource" r ON r.id = v."resourceId" WHERE v."memberId" = ${id} ORDER BY v."viewedAt", v.id`,
    `SELECT h.at, h."ipPrefix", h."userAgent" FROM "LoginHistoryEntry" h WHERE h."memberId" = ${id} ORDER BY h.at, h.id`,
    `SELECT n.id, n.type, n.channel, a."firstName" || ' ' || a."lastName", n."resourceId", n."createdAt" FROM "Notification" n LEFT JOIN "Member" a ON a.id = n."actorId" WHERE n."recipientId" = ${id} ORDER BY n."createdAt", n.id`,
  ];
}

async function copyReference(databaseUrl: string, memberId: string): Promise<{ seconds: number; bytes: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let bytes = 0;
  const start = performance.now();
  try {
    for (const query of copyQueries(memberId)) {
      await pipeline(
        client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT csv)`)),
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            bytes += chunk.length;
            done();
          },
        }),
      );
    }
  } finally {
    await client.end();
  }
  return { seconds: (performance.now() - start) / 1000, bytes };
}

async function main(): Promise<void> {
  if (!values['no-build']) {
    log('building the API');
    await promisify(execFile)('npx', ['turbo', 'run', 'build', '--filter=@lesplein/api', '--output-logs=errors-only'], { cwd: root, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
  }
  const { AppModule, JobQueue, DataExportJob, SeedService } = await builtApi();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-bench-export-'));
  fs.chmodSync(scratch, 0o755);
  log('starting an embedded PostgreSQL and applying migrations');
  const db = await startEmbeddedPostgres({ clusterDir: path.join(scratch, 'pg'), database: 'bench' });
  const report: Report = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    seedSeconds: 0,
    runs: [],
    copySeconds: 0,
    copyBytes: 0,
  };
  try {
    await applyMigrations(db.url);
    const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: db.url, DATA_DIR: path.join(scratch, 'data'), WORKER: 'off', SEED_DEMO: 'false', LOG_LEVEL: 'warn', WEB_DIST_DIR: path.join(scratch, 'no-web') });
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, db.url), { logger: ['error'] });
    try {
      await app.get(SeedService).run({ demo: false });
      await app.get(JobQueue).start(); // queues only (WORKER=off): the job below runs in this process
      let start = performance.now();
      const heavy = await seedHeavyMember(db.url, { rows, seed: 'bench-export-heavy' });
      const light = await seedHeavyMember(db.url, { rows: Math.floor(rows / 4), seed: 'bench-export-light' });
      report.seedSeconds = (performance.now() - start) / 1000;
      log(`seeded ${heavy.rows} + ${light.rows} rows in ${report.seedSeconds.toFixed(1)} s`);

      const job = app.get(DataExportJob);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const runExport = async (member: HeavyMember, live: boolean) => {
        const { rows: created } = await client.query<{ id: string }>(`INSERT INTO "DataExport" (id, "memberId") VALUES (gen_random_uuid(), $1) RETURNING id`, [member.memberId]);
        const exportId = created[0]!.id;
        const m = await measured(() => job.run(exportId), live);
        const { rows: done } = await client.query<{ status: string; size: string }>('SELECT status, size::text FROM "DataExport" WHERE id = $1', [exportId]);
        if (done[0]?.status !== 'ready') throw new Error(`The export ended ${done[0]?.status}`);
        return { m, size: Number(done[0].size) };
      };
      const exportOnce = async (member: HeavyMember): Promise<ExportRun> => {
        const { m, size } = await runExport(member, false);
        const live = (await runExport(member, true)).m;
        return {
          liveHeapGrowthMb: (live.peakHeap - live.baselineHeap) / MB,
          rows: member.rows,
          seconds: m.seconds,
          archiveBytes: size,
          baselineRssMb: m.baselineRss / MB,
          peakRssMb: m.peakRss / MB,
          baselineHeapMb: m.baselineHeap / MB,
          peakHeapMb: m.peakHeap / MB,
        };
      };
      // A warm-up on the small member (first queries, JIT), then the measured runs.
      await runExport(light, false);
      for (const member of [light, heavy]) {
        const result = await exportOnce(member);
        report.runs.push(result);
        log(`export of ${result.rows} rows: ${result.seconds.toFixed(2)} s, archive ${(result.archiveBytes / MB).toFixed(1)} MB, peak RSS ${result.peakRssMb.toFixed(0)} MB (+${(result.peakRssMb - result.baselineRssMb).toFixed(0)}), peak heap ${result.peakHeapMb.toFixed(0)} MB (+${(result.peakHeapMb - result.baselineHeapMb).toFixed(0)}), live heap +${result.liveHeapGrowthMb.toFixed(1)} MB`);
      }
      await client.end();
      await copyReference(db.url, heavy.memberId); // warm-up
      start = performance.now();
      const copy = await copyReference(db.url, heavy.memberId);
      report.copySeconds = copy.seconds;
      report.copyBytes = copy.bytes;
      log(`reference COPY of the same rows: ${copy.seconds.toFixed(2)} s, ${(copy.bytes / MB).toFixed(1)} MB of CSV`);
    } finally {
      await app.close();
    }
  } finally {
    await db.stop();
    if (values.keep) log(`kept ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  }
  const file = writeReport(report);
  log(`wrote ${path.relative(root, file)}`);
}

const SECTION = `## Data export (\`npm run bench:privacy-export -- --rows N\`)

\`bench/privacy/seed-heavy-member.ts\` seeds one member with N rows of usage data (views 30 %,
search history 12 %, comments and notifications 10 % each, favourites, ratings, log-in history and
messages 8 % each, folder items 6 %) plus what they need (resources of others, folders,
conversations, follows), with multi-row \`INSERT … SELECT generate_series\` through \`pg\`; the same
seeder serves the account-deletion benchmark. The benchmark runs the API's own export job
(\`DataExportJob.run\`, storage on local disk) for that member and for one with N/4 rows, sampling
RSS and heap every 10 ms. The heap peak of that timed run includes garbage V8 has not collected
yet, so each export runs a second time, untimed, sampling the live heap right after a forced
collection every 100 ms: streaming shows as a live heap that does not grow with the rows. The
reference is \`COPY (SELECT …) TO STDOUT\` through \`pg\` of the same rows with the same joins (CSV,
counted and dropped): what PostgreSQL alone needs to hand the data over. The seeded members have
no uploaded files, so this measures the database side of the export. Figures are from one run on
the machine named; compare the ratios.
`;

function writeReport(report: Report): string {
  const heavy = report.runs[report.runs.length - 1]!;
  const lines = [
    '',
    `Last run: ${report.date}, ${report.machine}. Seeding: ${report.seedSeconds.toFixed(1)} s for both members.`,
    '',
    '| rows | export time | archive | peak RSS (above start) | peak heap (above start) | live heap above start | rows/s |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.runs.map(
      (run) =>
        `| ${run.rows.toLocaleString('en')} | ${run.seconds.toFixed(2)} s | ${(run.archiveBytes / MB).toFixed(1)} MB | ${run.peakRssMb.toFixed(0)} MB (+${(run.peakRssMb - run.baselineRssMb).toFixed(0)} MB) | ${run.peakHeapMb.toFixed(0)} MB (+${(run.peakHeapMb - run.baselineHeapMb).toFixed(0)} MB) | +${run.liveHeapGrowthMb.toFixed(1)} MB | ${Math.round(run.rows / run.seconds).toLocaleString('en')} |`,
    ),
    '',
    `Reference: \`COPY … TO STDOUT\` of the ${heavy.rows.toLocaleString('en')}-row member's data: ${report.copySeconds.toFixed(2)} s (${(report.copyBytes / MB).toFixed(1)} MB of CSV).`,
    `Ratio export / COPY: **${(heavy.seconds / report.copySeconds).toFixed(1)}×**. Live heap above start, N/4 vs N rows: ${report.runs[0]!.liveHeapGrowthMb.toFixed(1)} MB vs ${heavy.liveHeapGrowthMb.toFixed(1)} MB (ratio ${(heavy.liveHeapGrowthMb / Math.max(0.1, report.runs[0]!.liveHeapGrowthMb)).toFixed(1)}× for 4× the rows).`,
    '',
  ];
  return writeSection('privacy-export', SECTION, lines);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
