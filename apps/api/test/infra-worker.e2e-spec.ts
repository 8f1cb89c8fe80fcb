import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/core/database/embedded-postgres.js';
import { TransactionRunner } from '../src/core/database/transaction-runner.js';
import { Mailer } from '../src/core/mail/mailer.service.js';
import { apiDir, exitCode, waitUntil } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let api: TestApp;

/**
 * Job timing shared by the API and the workers here: a mail run counts as failed after 8 s (a send
 * to the loopback catcher takes milliseconds) and expired runs are looked for every second, so a
 * killed worker's job is retried within seconds rather than the production two minutes.
 */
const JOB_TIMING = { JOB_EXPIRY_SECONDS: 'mail.send=8', JOB_EXPIRY_CHECK_SECONDS: '1' };

beforeAll(async () => {
  // The API as deployed next to a worker: it queues jobs but runs none.
  api = await startTestApp({ WORKER: 'off', ...JOB_TIMING });
});
afterAll(async () => api?.close());

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
      ...JOB_TIMING, // each process starting writes its queue settings: the same everywhere
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

  it('retries a job whose worker was killed mid-run once its expiry has passed, and it completes exactly once', async () => {
    // An SMTP server that accepts connections and never answers: the first worker's send hangs there.
    const stalled = new Set<net.Socket>();
    const stall = net.createServer((socket) => {
      stalled.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => stalled.delete(socket));
    });
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
    const stallUrl = `smtp://127.0.0.1:${(stall.address() as net.AddressInfo).port}`;
    const address = `killed-worker-${Date.now()}@example.test`;
    const workerEnv = (smtpUrl: string, port: number) => ({
      NODE_ENV: 'test',
      DATABASE_URL: api.databaseUrl,
      SMTP_URL: smtpUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      WORKER: 'off',
      LOG_LEVEL: 'info',
      DATA_DIR: api.dataDir,
      SEED_DEMO: 'false',
      ...JOB_TIMING,
    });
    const job = async () =>
      (
        await api.sql<{ state: string; retries: number; expire: number }>(
          `SELECT state::text AS state, retry_count AS retries, extract(epoch FROM expire_in)::int AS expire FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1
           UNION ALL SELECT state::text, retry_count, extract(epoch FROM expire_in)::int FROM pgboss.archive WHERE name = 'mail.send' AND data->>'to' = $1`,
          [address],
        )
      )[0];

    const first = startWorker(workerEnv(stallUrl, await freePort()));
    let second: ReturnType<typeof startWorker> | undefined;
    try {
      await queueMail(address, 'Sent once although a worker died');
      expect(await job()).toMatchObject({ state: 'created', expire: 8 });
      // The first worker has taken the job and is inside the send, connected to the silent server.
      await waitUntil(async () => stalled.size > 0 && (await job())?.state === 'active', 60_000, `the first worker to be mid-send (${first.output().slice(-800)})`);
      first.kill('SIGKILL');
      expect(await exitCode(first)).toBeNull(); // killed by the signal, not exited
      for (const socket of stalled) socket.destroy();
      expect((await job())?.state).toBe('active'); // nobody told the queue

      second = startWorker(workerEnv(api.mail.url, await freePort()));
      await waitUntil(async () => (await job())?.state === 'completed', 60_000, `the job to be retried and completed (${JSON.stringify(await job())}; ${second.output().slice(-800)})`);
      expect(await job()).toMatchObject({ state: 'completed', retries: 1 });
      const received = api.mail.all().filter((mail) => mail.to.includes(address));
      expect(received.map((mail) => mail.subject)).toEqual(['Sent once although a worker died']);
      expect(await api.sql(`SELECT 1 FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 UNION ALL SELECT 1 FROM pgboss.archive WHERE name = 'mail.send' AND data->>'to' = $1`, [address])).toHaveLength(1);
    } finally {
      first.kill('SIGKILL');
      second?.kill('SIGTERM');
      if (second) await exitCode(second);
      await new Promise((resolve) => stall.close(resolve));
    }
  }, 150_000);

  it('refuses to start without DATABASE_URL, saying why', async () => {
    const worker = startWorker({ NODE_ENV: 'test', DATABASE_URL: '', LOG_LEVEL: 'silent' });
    expect(await exitCode(worker)).toBe(1);
    expect(worker.output()).toContain('The worker needs DATABASE_URL');
  });
});
