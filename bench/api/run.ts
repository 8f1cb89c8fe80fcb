// API overhead and ORM cost: `npm run bench:api -- [--resources N] [--duration S] [--connections C] [--no-build]`.
//
// Seeds N generated resources into a fresh embedded PostgreSQL, starts in the same run the built
// API (apps/api/dist/main.js) and two bare Fastify servers answering the same two endpoints with
// the same SQL (bench/api/bare-server.ts: one with `pg`, one with the API's Prisma client), checks
// that the three answer identically, then drives each with autocannon at a fixed number of
// connections for a fixed time: GET /api/resources/:id (random published resources; counts a
// view) and GET /api/resources (first page or a random cursor). Every request comes from another
// client address (X-Forwarded-For; the API trusts the proxy), as many visitors would. The
// event-loop delay inside each server is measured by a preload under load. Writes the figures
// and their ratios to docs/benchmarks.md. Not a test: nothing here passes or fails on timings.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { encodeCursor } from '../../apps/api/src/core/pagination/cursor.js';
import { build, freePort, logger, machine, ms, query, ratio, root, scratchDir, seedResources, startApi, startDatabase, startServer, table, today, writeSection, type EventLoopDelay, type ServerProcess } from './stack.js';

const log = logger('bench:api');
const { values } = parseArgs({
  options: {
    resources: { type: 'string', default: '5000' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
  allowPositionals: true,
});
const size = Number(values.resources);
const duration = Number(values.duration);
const connections = Number(values.connections);
if (!Number.isInteger(size) || size < 200 || !(duration >= 2) || !Number.isInteger(connections) || connections < 1) {
  console.error('Usage: npm run bench:api -- [--resources N (≥ 200)] [--duration seconds (≥ 2)] [--connections C] [--no-build]');
  process.exit(2);
}

interface Measurement {
  server: 'api' | 'pg' | 'prisma';
  endpoint: 'detail' | 'list';
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  eventLoop: EventLoopDelay;
}

let addresses = 0;
const nextAddress = () => {
  addresses = (addresses + 1) % 60_000;
  return `10.${100 + (addresses >> 16)}.${(addresses >> 8) & 255}.${addresses & 255}`;
};

async function drive(url: string, paths: string[], seconds: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]!, headers: { ...request.headers, 'x-forwarded-for': nextAddress() } }),
      },
    ],
  });
}

async function main(): Promise<void> {
  const scratch = scratchDir('bench-api');
  const started: ServerProcess[] = [];
  const measurements: Measurement[] = [];
  const when = { date: today(), machine: machine() };
  let identical = '';
  const db = await startDatabase(path.join(scratch, 'pg'));
  try {
    log(`seeding ${size} resources`);
    await seedResources(db.url, size);
    if (!values['no-build']) {
      log('building');
      await build();
    }
    log('starting the API and the two bare servers');
    const api = await startApi(db.url, path.join(scratch, 'data'), { eventLoop: true, env: { RATE_LIMIT_PER_MINUTE: '1000000000' } });
    started.push(api);
    const bare = async (mode: 'pg' | 'prisma') => {
      const port = await freePort();
      const server = await startServer({ script: path.join(root, 'bench/api/bare-server.ts'), tsx: true, args: ['--mode', mode, '--port', String(port), '--database-url', db.url, '--public-url', `http://localhost:${new URL(api.url).port}`], env: {}, port, eventLoop: true });
      started.push(server);
      return server;
    };
    const servers = { pg: await bare('pg'), prisma: await bare('prisma'), api };

    const published = await query<{ id: string; publishedAt: Date }>(db.url, `SELECT id, "publishedAt" FROM "Resource" WHERE state = 'published' ORDER BY md5(id::text) LIMIT 2000`);
    const detailPaths = published.map((row) => `/api/resources/${row.id}`);
    const listPaths = ['/api/resources', ...published.slice(0, 200).map((row) => `/api/resources?cursor=${encodeCursor({ at: row.publishedAt, id: row.id })}`)];

    // The three must give the same answers (view counts aside: each read counts one).
    const answers = async (p: string) => {
      const bodies: unknown[] = [];
      for (const s of Object.values(servers)) bodies.push(await (await fetch(`${s.url}${p}`, { headers: { 'x-forwarded-for': nextAddress() } })).json());
      return bodies;
    };
    // A counted view also moves updatedAt (Prisma's updateMany sets @updatedAt; the pg server does the same).
    const withoutViews = (body: unknown): unknown => JSON.parse(JSON.stringify(body, (key, value: unknown) => (key === 'counts' || key === 'updatedAt' ? null : value)));
    const checked = [detailPaths[0]!, detailPaths[1]!, listPaths[0]!, listPaths[1]!];
    const same = (await Promise.all(checked.map(async (p) => {
      const [a, b, c] = (await answers(p)).map(withoutViews);
      for (const [name, other] of [['prisma', b], ['api', c]] as const) {
        if (!isDeepStrictEqual(a, other)) log(`${p}: the ${name} server differs from the pg server in ${differences(a, other).slice(0, 5).join(', ')}`);
      }
      return isDeepStrictEqual(a, b) && isDeepStrictEqual(a, c);
    }))).every(Boolean);
    identical = same ? 'yes (compared field by field, view counts and updatedAt aside)' : 'NO — the figures below compare different work';
    log(`identical answers: ${identical}`);

    const endpoints: Array<['detail' | 'list', string[]]> = [['detail', detailPaths], ['list', listPaths]];
    for (const [endpoint, paths] of endpoints) {
      // The detail runs count tens of thousands of views (dead row versions): each endpoint starts
      // on a vacuumed table, so autovacuum does not land in the middle of one server's run.
      await query(db.url, 'VACUUM ANALYZE "Resource"');
      // Alternating order within each endpoint, so neither side always runs first on a warming machine.
      for (const name of ['pg', 'prisma', 'api', 'api', 'prisma', 'pg'] as const) {
        const server = servers[name];
        await drive(server.url, paths, 2); // warm-up (JIT, pools, plan caches)
        await server.eventLoop('reset');
        const result = await drive(server.url, paths, duration / 2);
        const eventLoop = await server.eventLoop('read');
        const errors = result.errors + result.non2xx + result.timeouts;
        measurements.push({ server: name, endpoint, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, errors, eventLoop });
        log(`${endpoint} ${name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${errors}, event loop p99 ${eventLoop.p99.toFixed(1)} ms`);
      }
    }
  } finally {
    for (const server of started) await server.stop();
    await db.stop();
    if (values.keep) log(`kept ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  }
  log(`wrote ${report(measurements, when, identical)}`);
}

/** Two half-runs per server and endpoint (in opposite order) are combined: requests summed, latencies averaged. */
function combine(list: Measurement[], server: Measurement['server'], endpoint: Measurement['endpoint']) {
  const runs = list.filter((m) => m.server === server && m.endpoint === endpoint);
  const mean = (pick: (m: Measurement) => number) => runs.reduce((sum, m) => sum + pick(m), 0) / runs.length;
  return {
    rps: mean((m) => m.requestsPerSecond),
    p50: mean((m) => m.p50),
    p99: mean((m) => m.p99),
    requests: runs.reduce((sum, m) => sum + m.requests, 0),
    errors: runs.reduce((sum, m) => sum + m.errors, 0),
    loopP99: mean((m) => m.eventLoop.p99),
    loopMax: Math.max(...runs.map((m) => m.eventLoop.max)),
  };
}

function report(list: Measurement[], when: { date: string; machine: string }, identical: string): string {
  const rows: Array<Array<string | number>> = [['Endpoint', 'Server', 'Requests', 'Errors', 'req/s', 'p50 ms', 'p99 ms', 'event loop p99 ms', 'event loop max ms']];
  const ratios: Array<Array<string | number>> = [['Endpoint', 'API ÷ pg req/s (target ≥ 0.6)', 'API ÷ pg p99 (target ≤ 2)', 'Prisma ÷ pg req/s', 'Prisma ÷ pg p99', 'API ÷ Prisma req/s']];
  const label = { detail: 'GET /api/resources/:id', list: 'GET /api/resources' };
  const names = { pg: 'bare Fastify + pg', prisma: 'bare Fastify + Prisma', api: 'API (Nest, guards, its repository)' };
  for (const endpoint of ['detail', 'list'] as const) {
    const figures = { pg: combine(list, 'pg', endpoint), prisma: combine(list, 'prisma', endpoint), api: combine(list, 'api', endpoint) };
    for (const server of ['pg', 'prisma', 'api'] as const) {
      const f = figures[server];
      rows.push([label[endpoint], names[server], f.requests.toLocaleString('en'), f.errors, f.rps.toFixed(0), ms(f.p50), ms(f.p99), ms(f.loopP99), ms(f.loopMax)]);
    }
    const mark = (value: number, ok: boolean) => `${ratio(value)} ${ok ? '✓' : '✗'}`;
    ratios.push([
      label[endpoint],
      mark(figures.api.rps / figures.pg.rps, figures.api.rps / figures.pg.rps >= 0.6),
      mark(figures.api.p99 / figures.pg.p99, figures.api.p99 / figures.pg.p99 <= 2),
      ratio(figures.prisma.rps / figures.pg.rps),
      ratio(figures.prisma.p99 / figures.pg.p99),
      ratio(figures.api.rps / figures.prisma.rps),
    ]);
  }
  return writeSection(
    'api',
    INTRO,
    [
      `Last run: ${when.date}. ${when.machine}. ${size.toLocaleString('en')} resources, ${connections} connections, ${duration} s per server and endpoint (two halves in opposite order, each after a 2 s warm-up). The load generator shares the machine with the server it drives (and, here, with other people's test runs), so absolute figures are noisy; the ratios are what to compare. Same answers from the three servers: ${identical}.`,
      '',
      table(rows),
      '',
      table(ratios),
    ].join('\n'),
  );
}

const INTRO = `## API overhead and ORM cost (\`npm run bench:api -- --resources N --duration S --connections C\`)

\`bench/api/run.ts\` seeds generated resources (the search benchmark's corpus) into a fresh embedded
PostgreSQL and, in the same run, starts the built API and two bare Fastify servers
(\`bench/api/bare-server.ts\`) that answer the same two endpoints with the same database work and
the API's own response mappers, and nothing else (no Nest, guards, rate-limit counters, validation
pipes, security headers or request logging):

- **GET /api/resources/:id**: a resource that is not removed, with author, files, subjects and levels;
  a visitor reads published ones only, and the view is counted (an UPDATE per request, as in the API);
- **GET /api/resources**: the latest published resources, 20 a page, keyset-paginated on
  (publishedAt, id), the first page or one after a random cursor.

The \`pg\` server reads each answer with one statement (joins and \`json_agg\`); the Prisma server uses
the API's generated client over the same driver adapter with an \`include\` of the same relations
(Prisma issues one query per relation and compiles each on the main thread). The API answers with
its own repository (since the first run of this benchmark, one SQL statement through Prisma's
\`$queryRaw\` for these two reads). Before measuring, the script checks that the three servers give the
same answers field by field, and vacuums the table before each endpoint (the detail runs leave
tens of thousands of dead row versions). autocannon drives each server at a fixed number of connections, every
request from another client address (\`X-Forwarded-For\`, the API trusting the proxy, a rate limit
high enough never to refuse): the API still counts every request against its global rate-limit
budget as in production (in memory, written to PostgreSQL once a second: ADR 0014). The event-loop delay inside each server is measured under load by a
preload (\`bench/api/event-loop-probe.mjs\`, \`perf_hooks.monitorEventLoopDelay\`, read over the IPC
channel), so no production code changes for it. Targets: the API serves at least 0.6 of the bare
\`pg\` server's requests per second with a p99 at most 2× its p99.`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/** The paths (a.b[2].c) at which two JSON values differ. */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], Array.isArray(a) ? `${at}[${key}]` : at ? `${at}.${key}` : key));
  }
  return [`${at || '(the whole answer)'} (${JSON.stringify(a)?.slice(0, 60)} vs ${JSON.stringify(b)?.slice(0, 60)})`];
}
