import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import type { ObjectStorage } from '../storage/object-storage.js';
import { BackupError, libpqEnvironment, requireClientTools } from './pg-client-tools.js';

/**
 * Object-storage prefixes a backup copies. Uploaded files and their thumbnails (`resources/`) and
 * the deletion ledger's mirror (`deletion-ledger/`). Data exports (`exports/`) are left out on
 * purpose: they are short-lived copies of a member's data, and keeping them in backups would keep
 * personal data past their expiry. A new prefix must be added here (or excluded in a comment).
 */
export const BACKED_UP_PREFIXES = ['resources', 'deletion-ledger'] as const;

export const MANIFEST = 'manifest.json';
const DATABASE_FILE = 'database.dump';
const OBJECTS_DIR = 'objects';

export interface BackupManifest {
  format: 1;
  createdAt: string;
  database: { file: string; bytes: number; sha256: string; serverMajor: number; pgDump: string };
  storage: { prefixes: string[]; objects: { key: string; bytes: number; sha256: string }[] };
}

type Log = (message: string) => void;

async function sha256File(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

function runTool(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    // Only the connection settings and PATH-like basics: the password goes by PGPASSWORD, never argv.
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error) => reject(new BackupError(`${path.basename(command)} could not start: ${error.message}`)));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new BackupError(`${path.basename(command)} failed (exit ${code}): ${stderr.trim().slice(-2000)}`))));
  });
}

/** The file under the backup's objects/ directory for a key (keys are safe path segments). */
function objectFile(backupDir: string, key: string): string {
  return path.join(backupDir, OBJECTS_DIR, ...key.split('/'));
}

/**
 * Writes a backup into a new directory `<outDir>/lesplein-<timestamp>`: the database with pg_dump
 * (custom format: compressed, restorable table by table), then the stored objects under
 * BACKED_UP_PREFIXES, then manifest.json with a SHA-256 of every file. The manifest is written
 * last, so a directory without one is an unfinished backup.
 */
export async function createBackup(options: { databaseUrl: string; storage: ObjectStorage; outDir: string; pgBinDir?: string; log?: Log }): Promise<{ dir: string; manifest: BackupManifest }> {
  const log = options.log ?? (() => undefined);
  const tools = await requireClientTools(options.databaseUrl, options.pgBinDir);
  const createdAt = new Date();
  const dir = path.join(path.resolve(options.outDir), `lesplein-${createdAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const dumpFile = path.join(dir, DATABASE_FILE);
  log(`Dumping the database (PostgreSQL ${tools.serverMajor}) with ${tools.version}`);
  await runTool(tools.pgDump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${dumpFile}`], libpqEnvironment(options.databaseUrl));
  const dump = await sha256File(dumpFile);

  const objects: BackupManifest['storage']['objects'] = [];
  for (const prefix of BACKED_UP_PREFIXES) {
    for await (const key of options.storage.list(prefix)) {
      const target = objectFile(dir, key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const hash = crypto.createHash('sha256');
      let bytes = 0;
      const source = await options.storage.get(key);
      source.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
      });
      await pipeline(source, createWriteStream(target, { mode: 0o600 }));
      objects.push({ key, bytes, sha256: hash.digest('hex') });
    }
  }
  objects.sort((a, b) => a.key.localeCompare(b.key));
  log(`Copied ${objects.length} stored object(s)`);
  const manifest: BackupManifest = {
    format: 1,
    createdAt: createdAt.toISOString(),
    database: { file: DATABASE_FILE, bytes: dump.bytes, sha256: dump.sha256, serverMajor: tools.serverMajor, pgDump: tools.version },
    storage: { prefixes: [...BACKED_UP_PREFIXES], objects },
  };
  await fs.writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { dir, manifest };
}

/** Reads a backup's manifest and checks every file against its SHA-256 before anything is changed. */
export async function verifyBackup(backupDir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await fs.readFile(path.join(backupDir, MANIFEST), 'utf8')) as BackupManifest;
  } catch (error) {
    throw new BackupError(`${backupDir} is not a finished backup (no readable ${MANIFEST}): ${(error as Error).message}`);
  }
  if (manifest.format !== 1) throw new BackupError(`Unknown backup format ${String(manifest.format)}.`);
  const dump = await sha256File(path.join(backupDir, manifest.database.file)).catch(() => undefined);
  if (dump?.sha256 !== manifest.database.sha256) throw new BackupError(`The database dump in ${backupDir} is missing or does not match its checksum.`);
  for (const object of manifest.storage.objects) {
    const file = await sha256File(objectFile(backupDir, object.key)).catch(() => undefined);
    if (file?.sha256 !== object.sha256) throw new BackupError(`Stored object ${object.key} in the backup is missing or does not match its checksum.`);
  }
  return manifest;
}

/**
 * Replaces the database's contents with the backup's: drops the schemas the platform owns
 * (`public`, with the extensions in it, and `pgboss`) and restores the dump into the emptied
 * database in one transaction. Pending migrations are applied by the caller afterwards (the
 * backup may be older than the code). Everything connected to the database must be stopped.
 */
export async function restoreDatabase(options: { databaseUrl: string; backupDir: string; manifest: BackupManifest; pgBinDir?: string; log?: Log }): Promise<void> {
  const log = options.log ?? (() => undefined);
  const tools = await requireClientTools(options.databaseUrl, options.pgBinDir);
  if (tools.major < options.manifest.database.serverMajor) {
    throw new BackupError(`The backup was made by PostgreSQL ${options.manifest.database.serverMajor}'s pg_dump; pg_restore ${tools.major} cannot read it. Use client programs of version ${options.manifest.database.serverMajor} or newer.`);
  }
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const others = await client.query<{ count: string }>('SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    if (Number(others.rows[0]!.count) > 0) {
      throw new BackupError(`${others.rows[0]!.count} other connection(s) to the database are open: stop the API, the worker and other clients before restoring.`);
    }
    log('Emptying the database (schemas public and pgboss)');
    await client.query('BEGIN');
    await client.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
    await client.query('DROP SCHEMA IF EXISTS public CASCADE');
    await client.query('CREATE SCHEMA public');
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  log(`Restoring the database with ${path.basename(tools.pgRestore)} ${tools.major}`);
  await runTool(
    tools.pgRestore,
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${libpqEnvironment(options.databaseUrl).PGDATABASE}`, path.join(options.backupDir, options.manifest.database.file)],
    libpqEnvironment(options.databaseUrl),
  );
}

/**
 * Puts every object of the backup back into storage. Additive: objects stored since the backup
 * stay (they are unreferenced by the restored database, or are deletion-ledger entries that must
 * survive a restore), so a restore never loses the record of a later deletion.
 */
export async function restoreStorage(options: { storage: ObjectStorage; backupDir: string; manifest: BackupManifest; log?: Log }): Promise<{ restored: number }> {
  for (const object of options.manifest.storage.objects) {
    await options.storage.put(object.key, createReadStream(objectFile(options.backupDir, object.key)) as unknown as Readable, { contentType: 'application/octet-stream' });
  }
  options.log?.(`Restored ${options.manifest.storage.objects.length} stored object(s)`);
  return { restored: options.manifest.storage.objects.length };
}
