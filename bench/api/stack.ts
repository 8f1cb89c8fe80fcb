// What the API, load, fault and web benchmarks share: a fresh embedded PostgreSQL with the
// migrations applied, a generated set of resources (the search benchmark's corpus generator), the
// built API started as `npm start` starts it (apps/api/dist/main.js) on a loopback port, an
// optional event-loop probe inside a child process, and the writer of one section of
// docs/benchmarks.md between markers, so benchmarks never overwrite each other's figures.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../../apps/api/src/core/database/embedded-postgres.js';
import { applyMigrations } from '../../apps/api/src/core/database/migrations.js';
import { Corpus, readTaxonomy } from '../search/corpus.js';
import { loadCorpus } from '../search/load.js';

export { freePort };

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const run = promisify(execFile);
const PROBE = path.join(root, 'bench/api/event-loop-probe.mjs');

export const logger = (tag: string) => (message: string) => console.log(`[${tag}] ${new Date().toISOString().slice(11, 19)} ${message}`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function machine(): string {
  return `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average before the run ${os.loadavg()[0]!.toFixed(2)}`;
}

/** A scratch directory PostgreSQL (running as the OS user `postgres` when we are root) can enter. */
export function scratchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lesplein-${prefix}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Builds the API and the web client (turbo; cached when nothing changed). */
export async function build(): Promise<void> {
  await run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
}

/** A fresh embedded PostgreSQL with every migration applied. */
export async function startDatabase(clusterDir: string): Promise<EmbeddedDatabase> {
  const db = await startEmbeddedPostgres({ clusterDir, database: 'bench' });
  try {
    await applyMigrations(db.url);
  } catch (error) {
    await db.stop();
    throw error;
  }
  return db;
}

/** Loads `count` generated resources (95 % published, authors, subjects, levels, files). */
export async function seedResources(databaseUrl: string, count: number, seed = 'lesplein-api-bench'): Promise<void> {
  await loadCorpus(databaseUrl, new Corpus(count, seed), readTaxonomy(), () => undefined);
}

export async function query<T extends pg.QueryResultRow>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote (the last 256 kB). */
  output(): string;
  /** Event-loop delay inside the process since the last reset (needs `eventLoop: true`). */
  eventLoop(command: 'reset' | 'read'): Promise<EventLoopDelay>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/** The environment the benchmarks give the API: loopback, quiet logs, proxy trusted (per-address limits). */
export function apiEnv(databaseUrl: string, dataDir: string, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'development',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'true',
    WORKER: 'inline',
    WEB_DIST_DIR: path.join(dataDir, 'no-web'),
    ...extra,
  };
}

/**
 * Starts a Node process (the built API, a worker, or a bench server) and waits until `readyPath`
 * answers 200. With `eventLoop`, a preload (bench/api/event-loop-probe.mjs) measures the event
 * loop's delay inside the process and answers over the IPC channel: no production code changes.
 */
export async function startServer(options: { script: string; args?: string[]; env: Record<string, string>; port: number; eventLoop?: boolean; readyPath?: string; tsx?: boolean; timeoutMs?: number }): Promise<ServerProcess> {
  const nodeArgs = [...(options.tsx ? ['--import', 'tsx'] : []), ...(options.eventLoop ? ['--import', PROBE] : [])];
  const child = spawn(process.execPath, [...nodeArgs, options.script, ...(options.args ?? [])], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', ...(options.eventLoop ? (['ipc'] as const) : [])],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-256 * 1024);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${options.port}`;
  const server: ServerProcess = {
    url,
    child,
    output: () => output,
    eventLoop: (command) =>
      new Promise<EventLoopDelay>((resolve, reject) => {
        if (!child.connected) return reject(new Error('no event-loop probe in this process'));
        const timer = setTimeout(() => reject(new Error('the event-loop probe did not answer')), 5000);
        child.once('message', (message: { p50: number; p99: number; max: number }) => {
          clearTimeout(timer);
          resolve({ p50: message.p50, p99: message.p99, max: message.max });
        });
        child.send({ type: 'bench:event-loop', command });
      }),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${path.basename(options.script)} stopped (exit code ${child.exitCode}):\n${output.slice(-4000)}`);
    const ready = await fetch(`${url}${options.readyPath ?? '/health/ready'}`).then((r) => r.ok).catch(() => false);
    if (ready) return server;
    if (Date.now() > deadline) {
      await server.stop('SIGKILL');
      throw new Error(`${path.basename(options.script)} was not ready in time:\n${output.slice(-4000)}`);
    }
    await sleep(200);
  }
}

export const API_MAIN = path.join(root, 'apps/api/dist/main.js');
export const API_WORKER = path.join(root, 'apps/api/dist/worker.js');
export const API_CLI = path.join(root, 'apps/api/dist/cli.js');

/** Runs the built API (migrations are applied already; `npm start` would do the same). */
export function startApi(databaseUrl: string, dataDir: string, options: { env?: Record<string, string>; eventLoop?: boolean } = {}): Promise<ServerProcess> {
  return freePort().then((port) => startServer({ script: API_MAIN, env: apiEnv(databaseUrl, dataDir, port, options.env), port, eventLoop: options.eventLoop }));
}

/** Rebuilds the search index from the database with the API's own command. */
export async function reindex(databaseUrl: string, dataDir: string): Promise<void> {
  await run(process.execPath, [API_CLI, 'search:reindex'], { cwd: root, env: { ...process.env, ...apiEnv(databaseUrl, dataDir, 0) }, maxBuffer: 64 * 1024 * 1024 });
}

/**
 * Replaces one benchmark's figures in docs/benchmarks.md: the text between
 * `<!-- bench:<key>:start -->` and `<!-- bench:<key>:end -->`. A missing section is appended
 * with its description (`intro`), which later runs leave as it is.
 */
export function writeSection(key: string, intro: string, figures: string): string {
  const file = path.join(root, 'docs', 'benchmarks.md');
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const base = existing.includes(start) ? existing : `${existing.trimEnd()}\n\n${intro.trim()}\n\n${start}\n${end}\n`;
  const before = base.slice(0, base.indexOf(start) + start.length);
  const after = base.slice(base.indexOf(end));
  fs.writeFileSync(file, `${before}\n\n${figures.trim()}\n\n${after}`);
  return path.relative(root, file);
}

export const ms = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(1));
export const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');
export const today = () => new Date().toISOString().slice(0, 10);

/** A table in Markdown: the first row is the header; numbers right-aligned. */
export function table(rows: Array<Array<string | number>>): string {
  const [header, ...body] = rows;
  const align = header!.map((_, i) => (body.every((row) => /^[-–\d.,×%≤≥<> ]+[a-zA-Z/]*$/.test(String(row[i]))) ? '---:' : '---'));
  return [header!, align, ...body].map((row) => `| ${row.join(' | ')} |`).join('\n');
}
