import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/core/database/embedded-postgres.js';
import { exitCode, runEntry, waitUntil } from './support/processes.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-start-'));
fs.chmodSync(dataDir, 0o755);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** `npm start` without DATABASE_URL: embedded PostgreSQL, migrations, seed; Ctrl-C stops it all. */
async function startOnce() {
  const port = await freePort();
  const env: Record<string, string> = { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info', NODE_ENV: 'development', DATABASE_URL: '', SMTP_URL: '' };
  const child = runEntry('main', [], env);
  const base = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${base}/health/ready`).catch(() => undefined))?.status === 200, 90_000, `the server (${child.output().slice(-500)})`);
  return { child, base };
}

describe('npm start on the embedded database', () => {
  it('starts, seeds once, stops PostgreSQL cleanly on SIGINT and reuses the data', async () => {
    const first = await startOnce();
    const profile = await fetch(`${first.base}/api/members/an-peeters`);
    expect(profile.status).toBe(200);
    const taxonomy = (await (await fetch(`${first.base}/api/taxonomy`)).json()) as { levels: unknown[] };
    expect(taxonomy.levels.length).toBeGreaterThan(10);
    first.child.kill('SIGINT');
    expect(await exitCode(first.child)).toBe(0);
    expect(first.child.output()).toContain('Stopped cleanly');
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = await startOnce();
    expect((await fetch(`${second.base}/api/members/an-peeters`)).status).toBe(200);
    expect(second.child.output()).not.toContain('Seeded 5 demo members');
    const latest = (await (await fetch(`${second.base}/api/resources`)).json()) as { items: unknown[] };
    expect(latest.items).toHaveLength(5);
    second.child.kill('SIGINT');
    expect(await exitCode(second.child)).toBe(0);
  }, 180_000);
});
