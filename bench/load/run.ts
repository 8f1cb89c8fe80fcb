// Mixed workload: `npm run bench:load -- [--duration 60] [--probe 8] [--users 300] [--no-build]`.
//
// Seeds resources and members into a fresh embedded PostgreSQL, indexes them for search, starts
// the built API (loopback), logs every member in beforehand (each a virtual user with its own
// forwarded address, cookies and CSRF token), then sends an open-loop mix at a fixed arrival rate:
// 35 % searches, 35 % resource views, 15 % favourites (add or remove), 5 % comments, 10 % log-ins
// (log-out, then log-in again: argon2id hashing). Latency is measured from the moment a request
// was due, so a server that falls behind shows it (no coordinated omission). Short probes step
// the rate up until p99 ≥ 200 ms or an error; then the best rate runs for the full duration.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, logger, machine, ms, query, reindex, scratchDir, seedResources, sleep, startApi, startDatabase, table, today, writeSection } from '../api/stack.js';
import { createMembers, percentile, VirtualUser, type Answer } from './users.js';

const log = logger('bench:load');
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    probe: { type: 'string', default: '8' },
    users: { type: 'string', default: '300' },
    resources: { type: 'string', default: '5000' },
    'no-build': { type: 'boolean', default: false },
  },
  strict: true,
  allowPositionals: true,
});
const duration = Number(values.duration);
const probeSeconds = Number(values.probe);
const userCount = Number(values.users);
const P99_LIMIT = 200;

type Op = 'search' | 'view' | 'favourite' | 'comment' | 'log-in';
const MIX: Array<[Op, number]> = [['search', 35], ['view', 35], ['favourite', 15], ['comment', 5], ['log-in', 10]];
const WORDS = ['oefening', 'rekenen', 'lezen', 'planten', 'verhoudingen', 'frans', 'experiment', 'getallen', 'debat', 'rivieren'];

interface Outcome {
  rate: number;
  seconds: number;
  sent: number;
  errors: number;
  errorKinds: string;
  p50: number;
  p99: number;
  byOp: Map<Op, number[]>;
}

async function phase(users: VirtualUser[], resources: string[], rate: number, seconds: number): Promise<Outcome> {
  const samples: number[] = [];
  const byOp = new Map<Op, number[]>(MIX.map(([op]) => [op, []]));
  const errors = new Map<string, number>();
  const inFlight: Array<Promise<void>> = [];
  const busy = new Set<VirtualUser>();
  const start = performance.now();
  const total = Math.round(rate * seconds);
  let n = 0;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    // A user does one thing at a time, as a browser tab would.
    let user = users[(i * 7919) % users.length]!;
    for (let k = 1; busy.has(user) && k < users.length; k++) user = users[(i * 7919 + k) % users.length]!;
    const roll = (i * 37) % 100;
    let acc = 0;
    const op = MIX.find(([, weight]) => (acc += weight) > roll)![0];
    const resource = resources[(i * 104_729) % resources.length]!;
    n++;
    busy.add(user);
    inFlight.push(
      (async () => {
        let answer: Answer;
        if (op === 'search') answer = await user.request('GET', `/api/search?q=${WORDS[i % WORDS.length]}&limit=20`);
        else if (op === 'view') answer = await user.request('GET', `/api/resources/${resource}`);
        else if (op === 'favourite') answer = await user.request(i % 2 ? 'PUT' : 'DELETE', `/api/resources/${resource}/favourite`);
        else if (op === 'comment') answer = await user.request('POST', `/api/resources/${resource}/comments`, { body: `Bench-reactie ${i}` });
        else {
          const out = await user.logOut();
          answer = out.status < 300 ? await user.logIn() : out;
        }
        const latency = performance.now() - due;
        busy.delete(user);
        samples.push(latency);
        byOp.get(op)!.push(latency);
        if (answer.status < 200 || answer.status >= 300) {
          const key = `${op} ${answer.status || answer.networkError}`;
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  return {
    rate,
    seconds,
    sent: n,
    errors: errorCount,
    errorKinds: [...errors].map(([k, v]) => `${v}× ${k}`).join(', '),
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    byOp,
  };
}

async function main(): Promise<void> {
  const scratch = scratchDir('bench-load');
  const db = await startDatabase(path.join(scratch, 'pg'));
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  const when = { date: today(), machine: machine() };
  const probes: Outcome[] = [];
  let final: Outcome | undefined;
  try {
    log(`seeding ${values.resources} resources and ${userCount} members`);
    await seedResources(db.url, Number(values.resources), 'lesplein-load');
    const members = await createMembers(db.url, userCount);
    if (!values['no-build']) await build();
    await reindex(db.url, path.join(scratch, 'data'));
    api = await startApi(db.url, path.join(scratch, 'data'));
    const resources = (await query<{ id: string }>(db.url, `SELECT id FROM "Resource" WHERE state = 'published' ORDER BY md5(id::text) LIMIT 2000`)).map((r) => r.id);
    const users = members.map((m) => new VirtualUser(api!.url, m));
    for (let i = 0; i < users.length; i += 10) {
      const answers = await Promise.all(users.slice(i, i + 10).map((u) => u.logIn()));
      const failed = answers.find((a) => a.status !== 200);
      if (failed) throw new Error(`log-in failed: ${failed.status} ${JSON.stringify(failed.body)}`);
    }
    log(`${users.length} members logged in`);
    await phase(users, resources, 10, 3); // warm-up
    let best = 0;
    for (let rate = 5; rate <= 2000; rate = Math.max(rate + 1, Math.round(rate * 1.4))) {
      const outcome = await phase(users, resources, rate, probeSeconds);
      probes.push(outcome);
      log(`probe ${rate}/s: p50 ${ms(outcome.p50)} ms, p99 ${ms(outcome.p99)} ms, errors ${outcome.errors}${outcome.errors ? ` (${outcome.errorKinds})` : ''}`);
      if (outcome.p99 >= P99_LIMIT || outcome.errors > 0) break;
      best = rate;
      await sleep(1000);
    }
    if (best === 0) best = 3;
    // A probe is short; the sustained run may fall behind at the last good probe's rate, so step down until it holds.
    for (let rate = best, attempt = 0; attempt < 4; attempt++, rate = Math.round(rate * 0.8)) {
      log(`sustained run: ${rate}/s for ${duration} s`);
      final = await phase(users, resources, rate, duration);
      log(`sustained ${rate}/s: p50 ${ms(final.p50)} ms, p99 ${ms(final.p99)} ms, errors ${final.errors}${final.errors ? ` (${final.errorKinds})` : ''}`);
      if (final.p99 < P99_LIMIT && final.errors === 0) break;
    }
  } finally {
    if (api) await api.stop();
    await db.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  log(`wrote ${report(when, probes, final!)}`);
}

function report(when: { date: string; machine: string }, probes: Outcome[], final: Outcome): string {
  const held = final.p99 < P99_LIMIT && final.errors === 0;
  const lines = [
    `Last run: ${when.date}. ${when.machine}. ${userCount} members logged in beforehand, ${values.resources} resources; API with defaults (rate limits per address apply; each member has its own address).`,
    '',
    held
      ? `**Sustained rate: ${final.rate} requests/s for ${final.seconds} s** with p99 ${ms(final.p99)} ms and no errors (${final.sent.toLocaleString('en')} requests).`
      : `**No rate held for ${final.seconds} s within p99 < ${P99_LIMIT} ms and zero errors**; the last sustained run at ${final.rate}/s gave p99 ${ms(final.p99)} ms and ${final.errors} errors${final.errors ? ` (${final.errorKinds})` : ''}.`,
    '',
    'Sustained run by operation (latency from when the request was due):',
    '',
    table([['Operation', 'Requests', 'p50 ms', 'p99 ms'], ...MIX.map(([op]) => [op, final.byOp.get(op)!.length, ms(percentile(final.byOp.get(op)!, 50)), ms(percentile(final.byOp.get(op)!, 99))])]),
    '',
    `Probes (${probeSeconds} s each, rate stepped ×1.4):`,
    '',
    table([['Rate /s', 'Requests', 'Errors', 'p50 ms', 'p99 ms'], ...probes.map((p) => [p.rate, p.sent, p.errors, ms(p.p50), ms(p.p99)])]),
  ];
  return writeSection('load', INTRO, lines.join('\n'));
}

const INTRO = `## Mixed load (\`npm run bench:load -- --duration 60 --probe 8 --users 300\`)

\`bench/load/run.ts\` seeds resources and members into a fresh embedded PostgreSQL, indexes them,
starts the built API on loopback and logs every member in beforehand (each a virtual user with its
own address through \`X-Forwarded-For\`, cookies and CSRF token, so the API's per-address limits
apply as they would to real visitors). It then sends an open-loop mix at a fixed arrival rate —
35 % searches, 35 % resource views, 15 % favourites (add or remove), 5 % comments, 10 % log-ins
(log-out and log-in again, with argon2id hashing) — and measures each request's latency from the
moment it was due, so falling behind shows. Short probes step the rate up (×1.4) until p99 reaches
200 ms or an error occurs; the best rate then runs for the full duration (stepping down if it does
not hold). The load generator runs on the same machine as the API and PostgreSQL. The target: the
highest rate sustained for 60 s with p99 < 200 ms and zero errors.`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
