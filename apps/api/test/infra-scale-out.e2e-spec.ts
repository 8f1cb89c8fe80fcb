import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startMailCatcher, linkIn, type MailCatcher } from '@lesplein/testing/mail-catcher';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client.js';
import { cloneTemplateDatabase } from './support/test-app.js';
import { authorise, freePort, registerPartner } from './support/oidc-partner.js';
import { exitCode, runEntry, waitUntil } from './support/processes.js';

/**
 * Scale-out on one machine: two API processes (WORKER=off) and one worker process, built entry
 * points, on one PostgreSQL database, behind a round-robin proxy written here. Whatever one API
 * process knows, the other must know at once: sessions, rate-limit counters, OpenID Connect
 * artefacts and consent live in PostgreSQL; jobs run once, in the worker.
 */

type Entry = ReturnType<typeof runEntry>;
interface ApiProcess {
  name: 'A' | 'B';
  child: Entry;
  url: string;
  port: number;
}

const PASSWORD = 'Correct-Paard-Batterij-7';
/** API B stops with a short grace period (the cut-off test); A with the default. */
const B_GRACE_SECONDS = 3;

let databaseUrl: string;
let sql: pg.Pool;
let mail: MailCatcher;
let dataDir: string;
let apis: [ApiProcess, ApiProcess];
let worker: Entry;
let proxy: RoundRobinProxy;

/**
 * A small reverse proxy: each request goes to the next upstream in turn (not each connection),
 * method, path, headers and body forwarded, the answer streamed back; X-Forwarded-For gets the
 * client's address appended as a real proxy does; `x-upstream` says which process answered.
 */
interface RoundRobinProxy {
  url: string;
  /** Index of the upstream that served each request, in order. */
  served: number[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'te', 'trailer']);

async function startProxy(port: number, upstreams: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served: number[] = [];
  const server = http.createServer((request, response) => {
    const index = next++ % upstreams.length;
    served.push(index);
    const target = new URL(upstreams[index]!);
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(request.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    const forwardedFor = request.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = [forwardedFor, request.socket.remoteAddress].filter(Boolean).join(', ');
    headers['x-forwarded-proto'] = 'http';
    const upstream = http.request({ host: target.hostname, port: target.port, method: request.method, path: request.url, headers }, (answer) => {
      const answerHeaders: string[] = [];
      for (let i = 0; i < answer.rawHeaders.length; i += 2) {
        if (!HOP_BY_HOP.has(answer.rawHeaders[i]!.toLowerCase())) answerHeaders.push(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
      }
      answerHeaders.push('x-upstream', String(index));
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answerHeaders);
      answer.pipe(response);
    });
    upstream.on('error', (error) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain', 'x-upstream': String(index) });
      response.end(`upstream ${index}: ${error.message}`);
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Ready when /health/ready answers 200; a process that exited meanwhile fails the wait at once. */
async function ready(child: Entry, url: string, what: string): Promise<boolean> {
  if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}: ${child.output().slice(-3000)}`);
  return (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200;
}

/** Waits until the process has logged a request to `requestPath` after `from` characters of output. */
function arrived(api: ApiProcess, requestPath: string, from: number): Promise<void> {
  return waitUntil(() => api.child.output().slice(from).includes(requestPath), 15_000, `the request to reach API ${api.name}`);
}

/** A client on another origin (one API process directly) carrying the same session cookie. */
function sameBrowserOn(browser: HttpClient, url: string): HttpClient {
  const direct = new HttpClient(url);
  const session = browser.cookie('lp_session');
  if (session) direct.setCookie('lp_session', session);
  return direct;
}

/** Registers through the proxy, confirms with the mailed link, logs in; returns the signed-in client. */
async function registeredMember(firstName: string): Promise<{ email: string; browser: HttpClient }> {
  const email = `${firstName.toLowerCase()}-${randomBytes(4).toString('hex')}@example.org`;
  const browser = new HttpClient(proxy.url);
  const registered = await browser.post('/api/auth/register', { email, password: PASSWORD, firstName, lastName: 'Schaal', locale: 'nl' });
  expect(registered.status).toBe(202);
  const verification = await mail.waitFor(email, /Bevestig je e-mailadres/, 30_000);
  const token = new URL(linkIn(verification.text, '/verify-email')).searchParams.get('token')!;
  expect((await browser.post('/api/auth/verify-email', { token })).status).toBe(200);
  const login = await browser.post('/api/auth/login', { email, password: PASSWORD });
  expect(login.status, login.text).toBe(200);
  return { email, browser };
}

/** Sends a request's head and the first part of its body on a raw socket; the rest on demand. */
function slowRequest(url: string, requestPath: string, body: string, headers: Record<string, string>) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => undefined);
  const head = [`POST ${requestPath} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), '', ''].join('\r\n');
  const half = Math.floor(body.length / 2);
  socket.write(head + body.slice(0, half));
  return {
    finish: () => socket.write(body.slice(half)),
    /** Resolves with what the server sent once it closed the connection or answered in full. */
    response: async (): Promise<string> => {
      await Promise.race([closed, waitUntil(() => /\r\n\r\n[\s\S]*\}$/.test(received), 30_000, 'the response')]);
      socket.destroy();
      return received;
    },
    closed,
  };
}

/** True when a new TCP connection to the port is refused. */
function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

async function csrfFor(url: string): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${url}/api/auth/csrf`);
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]!).join('; ');
  return { token: ((await response.json()) as { token: string }).token, cookie };
}

beforeAll(async () => {
  databaseUrl = await cloneTemplateDatabase();
  sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  mail = await startMailCatcher();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-scale-'));
  const [proxyPort, portA, portB, workerPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const shared: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    APP_SECRET: randomBytes(32).toString('hex'),
    SMTP_URL: mail.url,
    // The issuer, links and cookies name the proxy: the one origin clients see.
    PUBLIC_URL: `http://127.0.0.1:${proxyPort}`,
    TRUST_PROXY: 'true',
    WORKER: 'off',
    SEED_DEMO: 'false',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    WEB_DIST_DIR: 'does-not-exist',
    LOG_LEVEL: 'info',
  };
  const start = (name: 'A' | 'B', port: number, env: Record<string, string> = {}): ApiProcess => ({ name, port, url: `http://127.0.0.1:${port}`, child: runEntry('main', [], { ...shared, ...env, PORT: String(port) }) });
  apis = [start('A', portA), start('B', portB, { SHUTDOWN_GRACE_SECONDS: String(B_GRACE_SECONDS) })];
  worker = runEntry('worker', [], { ...shared, PORT: String(workerPort) });
  for (const api of apis) await waitUntil(() => ready(api.child, api.url, `API ${api.name}`), 90_000, `API ${api.name} (${api.child.output().slice(-1500)})`);
  await waitUntil(() => ready(worker, `http://127.0.0.1:${workerPort}`, 'the worker'), 90_000, `the worker (${worker.output().slice(-1500)})`);
  proxy = await startProxy(proxyPort, apis.map((api) => api.url));
}, 180_000);

afterAll(async () => {
  for (const child of [...(apis ?? []).map((api) => api.child), worker]) {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await exitCode(child);
    }
  }
  await proxy?.close();
  await mail?.close();
  await sql?.end();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('two API processes and a worker on one database, behind a round-robin proxy', () => {
  it('shares the session: a log-in on one process is signed in on the other, request after request', async () => {
    const { email, browser } = await registeredMember('Sessie');
    const upstreams: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const me = await browser.get('/api/auth/me');
      expect(me.status, me.text).toBe(200);
      expect(me.body.email).toBe(email);
      upstreams.push(me.headers.get('x-upstream')!);
    }
    expect(new Set(upstreams)).toEqual(new Set(['0', '1']));
    // Directly on each process, with the same cookie.
    for (const api of apis) expect((await sameBrowserOn(browser, api.url).get('/api/auth/me')).body.email).toBe(email);
    // Log-out through one process ends the session on both.
    expect((await browser.post('/api/auth/logout')).status).toBe(200);
    for (const api of apis) expect((await sameBrowserOn(browser, api.url).get('/api/auth/me')).status).toBe(401);
  });

  it('shares rate limits: forgot-password (5 an hour per address) trips at the 6th request across both processes', async () => {
    const client = new HttpClient(proxy.url);
    const statuses: number[] = [];
    const upstreams = new Set<string>();
    for (let i = 0; i < 8; i += 1) {
      const response = await client.post('/api/auth/forgot-password', { email: `nobody-${i}@example.org` });
      statuses.push(response.status);
      upstreams.add(response.headers.get('x-upstream')!);
    }
    expect(upstreams).toEqual(new Set(['0', '1']));
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    // And directly on each process, for the same address.
    for (const api of apis) expect((await sameAddressOn(client, api.url)).status).toBe(429);
  });

  it('runs each job once: mails queued through both processes are delivered exactly once and completed once', async () => {
    const addresses: string[] = [];
    const upstreams = new Set<string>();
    for (let i = 0; i < 6; i += 1) {
      // A new client (address) each time: registration allows 10 an hour per address.
      const client = new HttpClient(proxy.url);
      // Its CSRF token costs one request: shift the rotation on every other round so the
      // registrations themselves alternate between the processes.
      if (i % 2 === 1) await client.get('/health/live');
      const email = `once-${i}-${randomBytes(3).toString('hex')}@example.org`;
      const response = await client.post('/api/auth/register', { email, password: PASSWORD, firstName: 'Eenmaal', lastName: `Nr ${i}`, locale: 'nl' });
      expect(response.status).toBe(202);
      upstreams.add(response.headers.get('x-upstream')!);
      addresses.push(email);
    }
    expect(upstreams).toEqual(new Set(['0', '1']));
    for (const email of addresses) await mail.waitFor(email, /Bevestig je e-mailadres/, 30_000);
    const jobsOf = () =>
      sql.query<{ to: string; state: string; retries: number }>(
        `SELECT data->>'to' AS "to", state::text AS state, retry_count AS retries FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = ANY($1)
         UNION ALL SELECT data->>'to', state::text, retry_count FROM pgboss.archive WHERE name = 'mail.send' AND data->>'to' = ANY($1)`,
        [addresses],
      );
    await waitUntil(async () => (await jobsOf()).rows.filter((job) => job.state === 'completed').length === addresses.length, 30_000, 'the mail jobs to complete');
    const jobs = (await jobsOf()).rows;
    expect(jobs).toHaveLength(addresses.length);
    expect(jobs.every((job) => job.state === 'completed' && job.retries === 0)).toBe(true);
    // Every job is completed, none retried: nothing else can still send. Exactly one mail each.
    for (const email of addresses) expect(mail.all().filter((message) => message.to.includes(email))).toHaveLength(1);
  });

  it('honours a consent withdrawal made on one process at once on the other', async () => {
    const { browser: adminBrowser, email: adminEmail } = await registeredMember('Beheer');
    await sql.query(`UPDATE "Member" SET role = 'admin', "totpEnabledAt" = now(), "totpSecret" = 'x' WHERE email = $1`, [adminEmail]);
    const { browser } = await registeredMember('Partnerlid');
    // The whole authorization code flow through the proxy: every step may land on either process.
    const { config } = await registerPartner({ url: proxy.url }, adminBrowser);
    const { tokens } = await authorise(config, browser, ['email']);
    const [a, b] = apis;
    const userinfoOn = async (api: ApiProcess) => (await fetch(`${api.url}/oidc/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status;
    expect(await userinfoOn(a)).toBe(200);
    expect(await userinfoOn(b)).toBe(200);

    const onB = sameBrowserOn(browser, b.url);
    const page = await onB.get('/api/account/authorisations');
    expect(page.body.active).toHaveLength(1);
    expect((await onB.delete(`/api/account/authorisations/${page.body.active[0].consentId}`)).body).toEqual({ withdrawn: 1 });
    // At once, on the process that did not handle the withdrawal.
    expect(await userinfoOn(a)).toBe(401);
    expect((await fetch(`${a.url}/partner-api/v1/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401);
    expect(await userinfoOn(b)).toBe(401);
  });
});

describe('graceful shutdown of an API process (SIGTERM)', () => {
  it('refuses new connections, finishes the request in flight (2xx) and exits 0 within the grace period', async () => {
    const { email } = await registeredMember('Afsluiten');
    const [a] = apis;
    const csrf = await csrfFor(a.url);
    const logged = a.child.output().length;
    const request = slowRequest(a.url, '/api/auth/forgot-password', JSON.stringify({ email }), {
      'x-csrf-token': csrf.token,
      cookie: csrf.cookie,
      'x-forwarded-for': '10.99.0.1',
    });
    // The process has the request (its head is logged) before the signal.
    await arrived(a, '/api/auth/forgot-password', logged);
    const signalled = Date.now();
    a.child.kill('SIGTERM');
    await waitUntil(() => refusesConnections(a.port), 15_000, 'A to stop accepting connections');
    // The request is still being received: now the rest of its body.
    request.finish();
    expect(await request.response(), a.child.output().slice(logged)).toMatch(/^HTTP\/1\.1 202 /);
    expect(await exitCode(a.child)).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(15_000);
    expect(a.child.output()).toContain('Stopped cleanly');
    // What the request queued during the shutdown was committed: the worker sends the link.
    await mail.waitFor(email, /Nieuw wachtwoord instellen/, 30_000);
  });

  it('closes a request that does not finish once the grace period is over, and still exits 0', async () => {
    const [, b] = apis;
    const csrf = await csrfFor(b.url);
    const logged = b.child.output().length;
    const request = slowRequest(b.url, '/api/auth/forgot-password', JSON.stringify({ email: 'stuck@example.org' }), {
      'x-csrf-token': csrf.token,
      cookie: csrf.cookie,
      'x-forwarded-for': '10.99.0.2',
    });
    await arrived(b, '/api/auth/forgot-password', logged);
    const signalled = Date.now();
    b.child.kill('SIGTERM');
    await waitUntil(() => refusesConnections(b.port), 15_000, 'B to stop accepting connections');
    // The client never sends the rest: the connection is closed when the grace period ends.
    await request.closed;
    const elapsed = Date.now() - signalled;
    expect(elapsed, b.child.output().slice(logged)).toBeGreaterThanOrEqual(B_GRACE_SECONDS * 1000 - 200);
    expect(await exitCode(b.child)).toBe(0);
    expect(Date.now() - signalled).toBeLessThan((B_GRACE_SECONDS + 10) * 1000);
    expect(b.child.output()).toContain('Stopped cleanly');
  });
});

/** One forgot-password request for `client`'s address sent directly to a process. */
async function sameAddressOn(client: HttpClient, url: string) {
  const direct = new HttpClient(url);
  return direct.post('/api/auth/forgot-password', { email: 'nobody@example.org' }, { headers: { 'x-forwarded-for': client.ip } });
}
