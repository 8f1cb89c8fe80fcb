import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransactionRunner } from '../src/core/database/transaction-runner.js';
import { Mailer } from '../src/core/mail/mailer.service.js';
import { apiDir, exitCode, waitUntil } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let api: TestApp;

beforeAll(async () => {
  // The API as deployed next to a worker: it queues jobs but runs none.
  api = await startTestApp({ WORKER: 'off' });
});
afterAll(async () => api?.close());

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** `npm run worker`: the built dist/worker.js (see support/processes.ts for why built). */
function startWorker(env: Record<string, string>) {
  const script = path.join(apiDir, 'dist', 'worker.js');
  if (!fs.existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  const child = spawn(process.execPath, [script], { cwd: apiDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

async function queueMail(to: string, subject: string): Promise<void> {
  await api.app.get(TransactionRunner).run((tx) => api.app.get(Mailer).queue(tx, { to, subject, text: 'Sent by the worker process.', html: '<p>Sent by the worker process.</p>' }));
}

describe('the worker process (npm run worker)', () => {
  it('runs the jobs the API (WORKER=off) queued, answers its probes and stops gracefully on SIGTERM', async () => {
    await queueMail('queued-before@example.test', 'Queued while no worker ran');
    const queued = await api.sql<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = 'mail.send'`);
    expect(queued.map((row) => row.state)).toEqual(['created']);

    const port = await freePort();
    const worker = startWorker({
      NODE_ENV: 'test',
      DATABASE_URL: api.databaseUrl,
      SMTP_URL: api.mail.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      WORKER: 'off', // the deployment's shared setting; the worker runs jobs regardless
      LOG_LEVEL: 'info',
      DATA_DIR: api.dataDir,
      SEED_DEMO: 'false',
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitUntil(async () => (await fetch(`${base}/health/ready`).catch(() => undefined))?.status === 200, 60_000, `the worker to be ready (${worker.output().slice(-800)})`);
      expect((await fetch(`${base}/health/live`)).status).toBe(200);

      const first = await api.mail.waitFor('queued-before@example.test', /Queued while no worker ran/, 30_000);
      expect(first.text).toContain('Sent by the worker process.');
      await queueMail('queued-after@example.test', 'Queued while the worker ran');
      await api.mail.waitFor('queued-after@example.test', /Queued while the worker ran/, 30_000);
      await waitUntil(
        async () => (await api.sql(`SELECT 1 FROM pgboss.job WHERE name = 'mail.send' AND state <> 'completed'`)).length === 0,
        15_000,
        'both mail jobs to be completed',
      );
    } finally {
      worker.kill('SIGTERM');
    }
    expect(await exitCode(worker)).toBe(0);
    expect(worker.output()).toContain('Stopped cleanly');
  }, 120_000);

  it('refuses to start without DATABASE_URL, saying why', async () => {
    const worker = startWorker({ NODE_ENV: 'test', DATABASE_URL: '', LOG_LEVEL: 'silent' });
    expect(await exitCode(worker)).toBe(1);
    expect(worker.output()).toContain('The worker needs DATABASE_URL');
  });
});
