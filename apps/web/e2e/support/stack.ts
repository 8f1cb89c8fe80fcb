/// <reference types="node" />
// Starts the whole application for a browser test: a real SMTP listener (the shared one from
// @lesplein/testing: smtp-server + mailparser, messages kept in memory) and the
// built API (`apps/api/dist/main.js`, which also serves the built web client) on free loopback
// ports, with its own embedded PostgreSQL in a fresh temporary data directory.
//
//   const stack = await startStack();
//   await page.goto(`${stack.baseUrl}/register`);
//   const mail = await stack.mail.waitFor('ada@example.org', /Bevestig/);
//   await page.goto(linkIn(mail.text, '/verify-email'));
//   await stack.stop();
//
// Needs `npm run build` first (`npm test` does that). Nothing here sleeps for a fixed time:
// start-up and mail arrival are polled until their condition holds or a timeout expires.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMailCatcher, type MailCatcher } from '@lesplein/testing/mail-catcher';

export type { ReceivedMail } from '@lesplein/testing/mail-catcher';
export { linkIn } from '@lesplein/testing/mail-catcher';

export interface Stack {
  /** Origin of the API and the web client it serves, e.g. http://localhost:41234. */
  baseUrl: string;
  mail: Pick<MailCatcher, 'waitFor' | 'all' | 'clear'>;
  /** Stops the API (and its embedded PostgreSQL), the SMTP listener, and removes the data. */
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Extra environment variables for the API (override the defaults below). */
  env?: Record<string, string>;
  /** How long to wait for GET /health/ready; 60 s by default. */
  readyTimeoutMs?: number;
}

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const API_MAIN = path.join(REPO_ROOT, 'apps/api/dist/main.js');
const STOP_TIMEOUT_MS = 30_000;
const OUTPUT_LIMIT = 64 * 1024;

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  if (!fs.existsSync(API_MAIN)) {
    throw new Error(`${path.relative(REPO_ROOT, API_MAIN)} does not exist: build first (npm run build).`);
  }
  const mail = await startMailCatcher();
  const dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lesplein-e2e-'));
  // As root the embedded PostgreSQL runs as the OS user `postgres`, which must reach the cluster.
  await fs.promises.chmod(dataDir, 0o755);

  const api = new ApiProcess(dataDir, mail.url, options.env ?? {});
  try {
    await api.start(options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await api.stop().catch(() => undefined);
    await mail.close();
    await removeDir(dataDir);
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    baseUrl: api.baseUrl,
    mail: { waitFor: mail.waitFor, all: mail.all, clear: mail.clear },
    stop: () =>
      (stopping ??= (async () => {
        try {
          await api.stop();
        } finally {
          await mail.close();
          await removeDir(dataDir);
        }
      })()),
  };
}

class ApiProcess {
  baseUrl = '';
  private child: ChildProcess | undefined;
  private output = '';
  private exited: Promise<void> = Promise.resolve();
  private exitInfo: string | undefined;
  private stopRequested = false;
  private ready = false;
  private readonly onParentExit = () => this.child?.kill('SIGINT');

  constructor(
    private readonly dataDir: string,
    private readonly smtpUrl: string,
    private readonly extraEnv: Record<string, string>,
  ) {}

  async start(readyTimeoutMs: number): Promise<void> {
    const port = await freePort();
    this.baseUrl = `http://localhost:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATA_DIR: this.dataDir,
      SMTP_URL: this.smtpUrl,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: this.baseUrl,
      ...this.extraEnv,
    };
    // Always the API's own embedded PostgreSQL, whatever the caller's shell has set.
    if (!('DATABASE_URL' in this.extraEnv)) delete env.DATABASE_URL;

    const child = spawn(process.execPath, [API_MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise<void>((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = signal ? `signal ${signal}` : `exit code ${code}`;
        process.off('exit', this.onParentExit);
        // Before readiness the start-up error carries the output; afterwards say it here.
        if (this.ready && !this.stopRequested) {
          process.stderr.write(`[e2e stack] the API exited unexpectedly (${this.exitInfo}). Its output:\n${this.output}\n`);
        }
        resolve();
      });
      child.once('error', (error) => {
        this.exitInfo = `failed to start: ${error.message}`;
        resolve();
      });
    });
    // If the test process goes away without stop(), still ask the API to shut PostgreSQL down.
    process.once('exit', this.onParentExit);

    const readyUrl = `http://127.0.0.1:${port}/health/ready`;
    const deadline = Date.now() + readyTimeoutMs;
    let lastProblem = 'no answer yet';
    for (;;) {
      if (this.exitInfo) throw this.failure(`the API exited before it was ready (${this.exitInfo})`);
      try {
        const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2_000) });
        await response.body?.cancel();
        if (response.status === 200) {
          this.ready = true;
          return;
        }
        lastProblem = `GET /health/ready answered ${response.status}`;
      } catch (error) {
        lastProblem = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      }
      if (Date.now() >= deadline) {
        throw this.failure(`the API was not ready within ${readyTimeoutMs} ms (${lastProblem})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** SIGINT lets the API close its server and stop the embedded PostgreSQL; waits for exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.stopRequested = true;
    if (this.exitInfo === undefined) child.kill('SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.exited.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      child.kill('SIGKILL');
      await this.exited;
      killOrphanedPostgres(this.dataDir);
      throw this.failure(`the API did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGINT and was killed`);
    }
    // A clean stop leaves no postmaster.pid; if one is left, do not leave PostgreSQL running.
    killOrphanedPostgres(this.dataDir);
  }

  private failure(reason: string): Error {
    const output = this.output.trim() || '(no output)';
    return new Error(`[e2e stack] ${reason}. API output (stdout and stderr):\n${output}`);
  }
}

/** Finds a free TCP port on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Sends PostgreSQL's "immediate shutdown" signal to any postmaster still running on dataDir. */
function killOrphanedPostgres(dataDir: string): void {
  for (const pidFile of findFiles(dataDir, 'postmaster.pid', 3)) {
    const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
    if (Number.isInteger(pid) && pid > 0 && isPostgres(pid)) {
      try {
        process.kill(pid, 'SIGQUIT');
        process.stderr.write(`[e2e stack] stopped an orphaned PostgreSQL (pid ${pid}) left in ${dataDir}\n`);
      } catch {
        // Not running any more.
      }
    }
  }
}

function isPostgres(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false; // not running (or no /proc to check, so leave it alone)
  }
}

function findFiles(dir: string, name: string, depth: number): string[] {
  if (depth < 0) return [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(full, name, depth - 1);
    return entry.name === name ? [full] : [];
  });
}

async function removeDir(dir: string): Promise<void> {
  await fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 3 });
}
