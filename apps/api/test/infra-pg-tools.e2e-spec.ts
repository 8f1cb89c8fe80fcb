import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libpqEnvironment, serverMajor } from '../src/core/backup/pg-client-tools.js';
import { findPgDump, startDumpableCluster, type DumpableCluster } from './support/pg-tools.js';

const run = promisify(execFile);
let cluster: DumpableCluster;

beforeAll(async () => {
  cluster = await startDumpableCluster();
}, 240_000);
afterAll(async () => cluster?.stop());

describe('a PostgreSQL cluster the available pg_dump can dump', () => {
  it('runs at pg_dump\'s major version (or older) with every migration applied, and dumps in full', async () => {
    const tools = findPgDump();
    expect(tools).toBeDefined();
    const major = await serverMajor(cluster.databaseUrl);
    expect(major).toBe(cluster.major);
    expect(major).toBeLessThanOrEqual(tools!.major);

    const client = new pg.Client({ connectionString: cluster.databaseUrl });
    await client.connect();
    try {
      const pending = await client.query<{ count: string }>('SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NULL');
      expect(Number(pending.rows[0]!.count)).toBe(0);
      const applied = await client.query<{ count: string }>('SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL');
      expect(Number(applied.rows[0]!.count)).toBeGreaterThan(10);
    } finally {
      await client.end();
    }

    const { stdout } = await run(tools!.pgDump, ['--format=plain', '--no-owner'], { env: { ...process.env, ...libpqEnvironment(cluster.databaseUrl) }, maxBuffer: 64 * 1024 * 1024 });
    expect(stdout).toContain('CREATE TABLE public."Member"');
    expect(stdout).toContain('_prisma_migrations');
  }, 120_000);
});
