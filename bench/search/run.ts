// The search benchmark: `npm run bench:search -- --resources 20000` (default 20,000).
// Generates a deterministic corpus, loads it into a fresh embedded PostgreSQL, indexes it with
// the API's own `search:reindex` (when the API has one), starts the built API against it and
// measures search latency over HTTP against references measured in the same run, then writes
// the figures to docs/benchmarks.md. Not a test: nothing here passes or fails on timings.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { freePort, startEmbeddedPostgres } from '../../apps/api/src/core/database/embedded-postgres.js';
import { applyMigrations } from '../../apps/api/src/core/database/migrations.js';
import { Corpus, readTaxonomy } from './corpus.js';
import { loadCorpus } from './load.js';
import { get, measure, summarise, type Latency } from './measure.js';
import { Random } from './random.js';
import { writeReport, type Report } from './report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

const { values } = parseArgs({
  options: {
    resources: { type: 'string', default: '20000' },
    seed: { type: 'string', default: 'lesplein-search-bench' },
    'shared-buffers': { type: 'string', default: '1GB' },
    requests: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
  strict: true,
});
const size = Number(values.resources);
const requests = Number(values.requests);
if (!Number.isInteger(size) || size < 100 || !Number.isInteger(requests) || requests < 20) {
  console.error('Usage: npm run bench:search -- [--resources N (≥ 100)] [--seed S] [--requests N (≥ 20)] [--shared-buffers SIZE] [--keep] [--no-build]');
  process.exit(2);
}

const seconds = (start: number) => (performance.now() - start) / 1000;
const log = (message: string) => console.log(`[bench:search] ${message}`);

async function waitForReady(url: string, api: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`The API stopped (exit code ${api.exitCode})`);
    const ready = await fetch(`${url}/health/ready`).then((r) => r.ok).catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The API did not become ready within 2 minutes');
}

/**
 * Sends `search.index` jobs (500 ids each, as the indexer's own outbox writes do) and waits
 * until the API's worker has run them all. Returns the seconds it took.
 */
async function indexThroughOutbox(databaseUrl: string): Promise<number> {
  const start = performance.now();
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', supervise: false, schedule: false, migrate: false });
  boss.on('error', (error: Error) => log(`pg-boss: ${error.message}`));
  await boss.start();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = (await client.query<{ id: string }>('SELECT id FROM "Resource" ORDER BY id')).rows.map((row) => row.id);
    const jobs = [];
    for (let i = 0; i < ids.length; i += 500) jobs.push({ name: 'search.index', data: { ids: ids.slice(i, i + 500) } });
    for (let i = 0; i < jobs.length; i += 200) await boss.insert(jobs.slice(i, i + 200));
    for (;;) {
      const { rows } = await client.query<{ pending: string; failed: string }>(
        `SELECT count(*) FILTER (WHERE state < 'completed') AS pending, count(*) FILTER (WHERE state = 'failed') AS failed FROM pgboss.job WHERE name = 'search.index'`,
      );
      if (Number(rows[0]!.failed) > 0) throw new Error(`${rows[0]!.failed} indexing jobs failed`);
      if (Number(rows[0]!.pending) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.end();
    await boss.stop({ graceful: false, wait: true });
  }
  return seconds(start);
}

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-bench-'));
  fs.chmodSync(scratch, 0o755);
  const corpus = new Corpus(size, values.seed);
  const taxonomy = readTaxonomy();
  const report: Report = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    postgres: `embedded, shared_buffers ${values['shared-buffers']}`,
    size,
    seed: values.seed,
    vocabulary: corpus.vocabulary.length,
    fingerprint: '',
    loadSeconds: 0,
    indexSeconds: null,
    indexedBy: '`search:reindex`',
    engine: null,
    reference: {},
    queries: [],
  };

  log(`corpus fingerprint of ${size} resources…`);
  report.fingerprint = corpus.fingerprint();

  log('starting an embedded PostgreSQL and applying migrations');
  // As a database server is set up: about a quarter of its memory for PostgreSQL's buffers (the
  // embedded default, 128 MB, suits a development machine, not a million documents).
  const db = await startEmbeddedPostgres({ clusterDir: path.join(scratch, 'pg'), database: 'bench', settings: { shared_buffers: values['shared-buffers'] } });
  let api: ChildProcess | undefined;
  try {
    await applyMigrations(db.url);
    let start = performance.now();
    await loadCorpus(db.url, corpus, taxonomy, (done) => {
      if (done % 50_000 === 0 || done === size) log(`loaded ${done} / ${size} resources`);
    });
    report.loadSeconds = seconds(start);
    log(`loaded in ${report.loadSeconds.toFixed(1)} s`);

    if (!values['no-build']) {
      log('building the API');
      await run('npx', ['turbo', 'run', 'build', '--filter=@lesplein/api', '--output-logs=errors-only'], { cwd: root, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
    }
    const env = { ...process.env, DATABASE_URL: db.url, NODE_ENV: 'development', SEED_DEMO: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000000', TRUST_PROXY: 'true', WEB_DIST_DIR: path.join(scratch, 'no-web'), DATA_DIR: path.join(scratch, 'data') };

    // Index with the API's own command, when the API has a search engine.
    const help = await run(process.execPath, [path.join(root, 'apps/api/dist/cli.js'), 'help'], { env }).then((r) => r.stdout).catch((error: { stdout?: string }) => error.stdout ?? '');
    if (help.includes('search:reindex')) {
      log('indexing with search:reindex');
      start = performance.now();
      await run(process.execPath, [path.join(root, 'apps/api/dist/cli.js'), 'search:reindex'], { env, maxBuffer: 64 * 1024 * 1024 });
      report.indexSeconds = seconds(start);
      log(`indexed in ${report.indexSeconds.toFixed(1)} s`);
    } else {
      log('the API has no search:reindex command yet: indexing not measured');
    }

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], { env: { ...env, PORT: String(port), WORKER: 'inline' }, stdio: ['ignore', 'inherit', 'inherit'] });
    await waitForReady(url, api);
    if (report.indexSeconds === null && (await fetch(`${url}/api/search?q=oefening`)).status !== 404) {
      log('indexing through the outbox instead: search.index jobs for every resource, run by the API\'s worker');
      report.indexSeconds = await indexThroughOutbox(db.url);
      report.indexedBy = 'search.index jobs (the outbox worker inside the API)';
      log(`indexed in ${report.indexSeconds.toFixed(1)} s`);
    }

    const random = new Random(`${values.seed}:queries`);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const ids = (await client.query<{ id: string }>(`SELECT id FROM "Resource" WHERE state = 'published' ORDER BY md5(id::text) LIMIT $1`, [requests])).rows.map((row) => row.id);

    // References: fetching a resource by primary key, over HTTP (the whole stack) and in SQL.
    for (const concurrency of [1, 8]) {
      report.reference[`http-${concurrency}`] = await measure(ids, concurrency, async (id) => void (await get(`${url}/api/resources/${id}`)));
    }
    const sql: number[] = [];
    for (const id of ids) {
      const t0 = performance.now();
      await client.query('SELECT id, title, "publishedAt" FROM "Resource" WHERE id = $1', [id]);
      sql.push(performance.now() - t0);
    }
    report.reference.sql = summarise(sql);
    await client.end();

    const probe = await fetch(`${url}/api/search?q=oefening`);
    if (probe.status === 404) {
      log('the API has no /api/search yet: only the references were measured');
    } else if (report.indexSeconds === null) {
      log('the corpus could not be indexed (no search:reindex): search latency over an empty index would mean nothing, so it was not measured');
    } else {
      report.engine = 'PostgreSQL';
      const count = requests;
      const pickMany = (make: () => string) => Array.from({ length: count }, make);
      const subjects = taxonomy.subjects.map((s) => s.key);
      const typo = (word: string) => {
        const i = random.int(1, Math.max(1, word.length - 2));
        return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      };
      const classes: Array<[string, string[]]> = [
        ['common term', pickMany(() => `/api/search?q=${encodeURIComponent(corpus.termsAt(0, 20, 1, random)[0]!)}&limit=20`)],
        ['medium term', pickMany(() => `/api/search?q=${encodeURIComponent(corpus.termsAt(400, 1500, 1, random)[0]!)}&limit=20`)],
        ['rare term', pickMany(() => `/api/search?q=${encodeURIComponent(corpus.termsAt(40_000, corpus.vocabulary.length - 1, 1, random)[0]!)}&limit=20`)],
        ['two terms', pickMany(() => `/api/search?q=${encodeURIComponent(corpus.termsAt(0, 400, 2, random).join(' '))}&limit=20`)],
        ['faceted top-20', pickMany(() => `/api/search?q=${encodeURIComponent(corpus.termsAt(0, 400, 1, random)[0]!)}&subject=${random.pick(subjects)}&type=worksheet&limit=20`)],
        ['filters only', pickMany(() => `/api/search?subject=${random.pick(subjects)}&language=nl&limit=20`)],
        ['typo', pickMany(() => `/api/search?q=${encodeURIComponent(typo(corpus.termsAt(0, 300, 1, random)[0]!))}&limit=20`)],
        ['autocomplete', pickMany(() => `/api/search/suggest?q=${encodeURIComponent(corpus.termsAt(0, 3000, 1, random)[0]!.slice(0, random.int(2, 5)))}`)],
      ];
      for (const [name, paths] of classes) {
        for (const concurrency of [1, 8]) {
          const answers = { all: 0, estimated: 0 };
          const latency: Latency = await measure(paths, concurrency, async (p) => {
            const body = await get(`${url}${p}`);
            answers.all++;
            if ((JSON.parse(body) as { estimated?: boolean }).estimated === true) answers.estimated++;
          });
          report.queries.push({ name, concurrency, latency, estimated: name === 'autocomplete' || answers.all === 0 ? null : answers.estimated / answers.all });
          log(`${name} at concurrency ${concurrency}: p95 ${latency.p95.toFixed(1)} ms`);
        }
      }
    }
  } finally {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((resolve) => api!.once('exit', resolve));
    }
    await db.stop();
    if (values.keep) log(`kept the database cluster in ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  }
  const file = writeReport(path.join(root, 'docs', 'benchmarks.md'), report);
  log(`wrote ${path.relative(root, file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
