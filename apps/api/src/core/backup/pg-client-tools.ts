import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** PostgreSQL's client programs used for backups, and their major version. */
export interface PgClientTools {
  pgDump: string;
  pgRestore: string;
  /** Major version of pg_dump (e.g. 18). */
  major: number;
  /** pg_dump's own version line, for messages. */
  version: string;
}

/** A backup or restore that cannot go ahead; the message says what to do. */
export class BackupError extends Error {}

/** The major version in `pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)`. */
export function parseClientMajor(versionLine: string): number | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.\d+)?/.exec(versionLine);
  return match ? Number(match[1]) : undefined;
}

function versionOf(program: string): string | undefined {
  const result = spawnSync(program, ['--version'], { encoding: 'utf8', timeout: 15_000 });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.trim();
}

/**
 * pg_dump and pg_restore from `binDir` when given (PG_BIN_DIR), otherwise from PATH; undefined
 * when either is missing or does not answer `--version`.
 */
export function findPgClientTools(binDir?: string): PgClientTools | undefined {
  const pgDump = binDir ? path.join(binDir, 'pg_dump') : 'pg_dump';
  const pgRestore = binDir ? path.join(binDir, 'pg_restore') : 'pg_restore';
  if (binDir && (!fs.existsSync(pgDump) || !fs.existsSync(pgRestore))) return undefined;
  const version = versionOf(pgDump);
  const major = version ? parseClientMajor(version) : undefined;
  if (!version || major === undefined || !versionOf(pgRestore)) return undefined;
  return { pgDump, pgRestore, major, version };
}

/** The server's major version (`server_version_num` 180004 → 18). */
export async function serverMajor(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    return Math.floor(Number(result.rows[0]!.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/**
 * The client tools to back up or restore `databaseUrl` with: pg_dump refuses to dump a server newer
 * than itself, and an archive from a newer pg_dump cannot be read by an older pg_restore, so the
 * client's major version must be at least the server's.
 */
export async function requireClientTools(databaseUrl: string, binDir?: string): Promise<PgClientTools & { serverMajor: number }> {
  const tools = findPgClientTools(binDir);
  if (!tools) {
    throw new BackupError(
      binDir
        ? `pg_dump and pg_restore were not found in PG_BIN_DIR (${binDir}).`
        : 'pg_dump and pg_restore were not found on PATH: install PostgreSQL\'s client programs (at least the server\'s major version) or set PG_BIN_DIR to their directory.',
    );
  }
  const server = await serverMajor(databaseUrl);
  if (tools.major < server) {
    throw new BackupError(
      `pg_dump is version ${tools.major} (${tools.version}) but the database server is PostgreSQL ${server}: ` +
        `pg_dump cannot dump a newer server. Install PostgreSQL ${server} client programs (or newer) and put them on PATH or set PG_BIN_DIR.`,
    );
  }
  return { ...tools, serverMajor: server };
}

/**
 * Connection settings for the client programs as environment variables, so the password never
 * appears on a command line (visible in the process list).
 */
export function libpqEnvironment(databaseUrl: string): Record<string, string> {
  const url = new URL(databaseUrl);
  const env: Record<string, string> = {
    PGHOST: decodeURIComponent(url.hostname).replace(/^\[(.*)\]$/, '$1') || 'localhost',
    PGPORT: url.port || '5432',
    PGDATABASE: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
  };
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  const host = url.searchParams.get('host');
  if (host) env.PGHOST = host;
  return env;
}
