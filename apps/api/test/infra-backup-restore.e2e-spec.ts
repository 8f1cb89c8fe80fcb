import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCode, runEntry, waitUntil } from './support/processes.js';
import { findPgDump, startDumpableCluster, type DumpableCluster } from './support/pg-tools.js';

let cluster: DumpableCluster;
let scratch: string;
let env: Record<string, string>;

beforeAll(async () => {
  cluster = await startDumpableCluster();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-backup-'));
  fs.chmodSync(scratch, 0o755);
  const tools = findPgDump()!;
  env = {
    NODE_ENV: 'test',
    DATABASE_URL: cluster.databaseUrl,
    DATA_DIR: path.join(scratch, 'data'),
    STORAGE_DRIVER: 'local',
    SMTP_URL: '',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    // pg_dump as findPgDump found it: on PATH, or in the directory it names.
    PG_BIN_DIR: path.isAbsolute(tools.pgDump) ? path.dirname(tools.pgDump) : '',
  };
}, 240_000);
afterAll(async () => {
  await cluster?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

async function cli(args: string[], extra: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = runEntry('cli', args, { ...env, ...extra });
  const code = await exitCode(child);
  return { code, output: child.output() };
}

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const filesDir = () => path.join(env.DATA_DIR!, 'files');
function putFile(key: string, content: string): void {
  const file = path.join(filesDir(), ...key.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}
const readFile = (key: string) => fs.readFileSync(path.join(filesDir(), ...key.split('/')), 'utf8');
const names = async () => (await sql<{ email: string; firstName: string }>('SELECT email, "firstName" FROM "Member" ORDER BY email')).map((row) => `${row.email}:${row.firstName}`);

describe('backup:create and backup:restore', () => {
  let backupDir: string;

  it('backs up the database with pg_dump and the stored files, with checksums', async () => {
    // As in production, the worker has run on this database (pg-boss's tables exist).
    const worker = runEntry('worker', [], { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    await waitUntil(() => worker.output().includes('Lesplein worker is running'), 60_000, `the worker (${worker.output().slice(-500)})`);
    worker.kill('SIGTERM');
    expect(await exitCode(worker)).toBe(0);
    for (const [email, first] of [['an@example.test', 'An'], ['bert@example.test', 'Bert']] as const) {
      const created = await cli(['member:create', '--email', email, '--password', 'a long passphrase for tests', '--first-name', first, '--last-name', 'Test']);
      expect(created.code, created.output).toBe(0);
    }
    putFile('resources/11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222', 'the lesson plan');
    putFile('resources/11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222-thumbnail', 'a thumbnail');
    putFile('exports/33333333-3333-4333-8333-333333333333/44444444-4444-4444-8444-444444444444', 'an export archive');

    const result = await cli(['backup:create', '--out', path.join(scratch, 'backups')]);
    expect(result.code, result.output).toBe(0);
    const summary = JSON.parse(result.output.trim().split('\n').at(-1)!) as { backup: string; objects: number };
    backupDir = summary.backup;
    expect(summary.objects).toBe(2); // exports are left out of backups on purpose
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as { database: { serverMajor: number; sha256: string }; storage: { objects: { key: string }[] } };
    expect(manifest.database.serverMajor).toBe(cluster.major);
    expect(manifest.storage.objects.map((object) => object.key)).toEqual([
      'resources/11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222',
      'resources/11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222-thumbnail',
    ]);
    expect(fs.readFileSync(path.join(backupDir, 'database.dump')).subarray(0, 5).toString()).toBe('PGDMP');
  }, 120_000);

  it('refuses to restore without --yes, or from a backup whose files do not match their checksums', async () => {
    const withoutYes = await cli(['backup:restore', '--from', backupDir]);
    expect(withoutYes.code).toBe(2);
    expect(withoutYes.output).toContain('--yes');

    const tampered = path.join(scratch, 'tampered');
    fs.cpSync(backupDir, tampered, { recursive: true });
    fs.appendFileSync(path.join(tampered, 'objects', 'resources', '11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'), ' (altered)');
    const refused = await cli(['backup:restore', '--from', tampered, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('does not match its checksum');
    expect(await names()).toEqual(['an@example.test:An', 'bert@example.test:Bert']);
  }, 60_000);

  it('restores the database as it was and puts the files back, keeping files stored since', async () => {
    // Changes after the backup: a member renamed, one deleted (through the deletion job, so the
    // ledger records it), one added, a file lost, a file added.
    await sql(`UPDATE "Member" SET "firstName" = 'Changed' WHERE email = 'an@example.test'`);
    await sql(`INSERT INTO "AccountDeletion" (id, "memberId", "keepContributions", "executeAfter") SELECT gen_random_uuid(), id, true, now() - interval '1 minute' FROM "Member" WHERE email = 'bert@example.test'`);
    const deleted = await cli(['deletions:run']);
    expect(deleted.code, deleted.output).toBe(0);
    expect(await names()).toEqual(['an@example.test:Changed']);
    const added = await cli(['member:create', '--email', 'cas@example.test', '--password', 'a long passphrase for tests', '--first-name', 'Cas', '--last-name', 'Test']);
    expect(added.code, added.output).toBe(0);
    fs.rmSync(path.join(filesDir(), 'resources', '11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'));
    putFile('resources/55555555-5555-4555-8555-555555555555/66666666-6666-4666-8666-666666666666', 'uploaded after the backup');

    const restored = await cli(['backup:restore', '--from', backupDir, '--yes']);
    expect(restored.code, restored.output).toBe(0);
    const summary = JSON.parse(restored.output.trim().split('\n').at(-1)!) as { deletionsReapplied: number; ledgerEntries: number };
    expect(summary).toMatchObject({ ledgerEntries: 1, deletionsReapplied: 1 });

    // An as backed up; Bert, present in the backup, deleted again from the ledger; Cas never backed up.
    expect(await names()).toEqual(['an@example.test:An']);
    const unfinished = await sql<{ count: string }>('SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NULL');
    expect(Number(unfinished[0]!.count)).toBe(0);
    expect(readFile('resources/11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222')).toBe('the lesson plan');
    expect(readFile('resources/55555555-5555-4555-8555-555555555555/66666666-6666-4666-8666-666666666666')).toBe('uploaded after the backup');
    // The restored database works with the application: log-in data and the audit chain are intact.
    const verified = await cli(['audit:verify']);
    expect(verified.code, verified.output).toBe(0);
  }, 180_000);

  it('refuses, saying what to install, when pg_dump is older than the server', async () => {
    const fakeBin = path.join(scratch, 'old-pg-bin');
    fs.mkdirSync(fakeBin);
    for (const tool of ['pg_dump', 'pg_restore']) {
      fs.writeFileSync(path.join(fakeBin, tool), `#!/bin/sh\necho "${tool} (PostgreSQL) 9.6.24"\n`, { mode: 0o755 });
    }
    const result = await cli(['backup:create', '--out', path.join(scratch, 'never')], { PG_BIN_DIR: fakeBin });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`pg_dump is version 9`);
    expect(result.output).toContain(`PostgreSQL ${cluster.major}`);
    expect(result.output).toContain('cannot dump a newer server');
    expect(fs.existsSync(path.join(scratch, 'never'))).toBe(false);
  }, 60_000);
});
