// Fault: PostgreSQL restarted mid-load. The API runs against a cluster this script controls
// (DATABASE_URL; the cluster started with the API's own startEmbeddedPostgres on a fixed port, so
// it comes back under the same URL). Members view, favourite and comment; after a few seconds the
// cluster is stopped (fast shutdown: connections are cut), kept down, and started again. Checked:
// the API process stays up and live; requests during the outage fail fast with 503 problem+json;
// recovery within 5 s of PostgreSQL accepting connections again; every acknowledged write is in
// the database afterwards; the outbox drains (every job queued since the load began completed);
// the search index matches the database (one document per published resource, favourite counts
// equal).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../apps/api/src/core/database/embedded-postgres.js';
import { applyMigrations } from '../../apps/api/src/core/database/migrations.js';
import { freePort, logger, ms, query, reindex, scratchDir, seedResources, sleep, startApi } from '../api/stack.js';
import { createMembers, percentile, VirtualUser, type Answer } from '../load/users.js';
import { check, type Check } from './checks.js';

const log = logger('bench:faults:postgres');

interface Sent {
  op: 'view' | 'favourite' | 'comment' | 'search';
  start: number;
  end: number;
  answer: Answer;
  memberId: string;
  resourceId: string;
}

export interface RestartOptions {
  users: number;
  outageSeconds: number;
}

export async function postgresRestart(options: RestartOptions): Promise<{ checks: Check[]; notes: string[] }> {
  const scratch = scratchDir('faults-pg');
  const clusterDir = path.join(scratch, 'pg');
  const port = await freePort();
  const open = () => startEmbeddedPostgres({ clusterDir, database: 'bench', port });
  let db: EmbeddedDatabase = await open();
  const dataDir = path.join(scratch, 'data');
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  try {
    await applyMigrations(db.url);
    await seedResources(db.url, 300, 'lesplein-faults');
    const members = await createMembers(db.url, options.users, 'fault');
    await reindex(db.url, dataDir);
    const resources = (await query<{ id: string }>(db.url, `SELECT id FROM "Resource" WHERE state = 'published' ORDER BY id LIMIT 200`)).map((r) => r.id);
    api = await startApi(db.url, dataDir, { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    const users = members.map((member) => new VirtualUser(api!.url, member));
    for (const user of users) {
      const answer = await user.logIn();
      if (answer.status !== 200) throw new Error(`log-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    const [{ now: loadStartedAt }] = (await query<{ now: Date }>(db.url, 'SELECT now()')) as [{ now: Date }];
    log(`${users.length} members logged in; load begins`);

    const t0 = performance.now();
    const at = () => performance.now() - t0;
    const sent: Sent[] = [];
    let running = true;
    let liveFailures = 0;
    const loop = async (user: VirtualUser, index: number) => {
      let n = index;
      while (running) {
        const resourceId = resources[(n * 7 + index) % resources.length]!;
        const roll = n++ % 10;
        const op: Sent['op'] = roll < 4 ? 'view' : roll < 7 ? 'favourite' : roll < 9 ? 'comment' : 'search';
        const start = at();
        const answer =
          op === 'view'
            ? await user.request('GET', `/api/resources/${resourceId}`)
            : op === 'favourite'
              ? await user.request('PUT', `/api/resources/${resourceId}/favourite`)
              : op === 'comment'
                ? await user.request('POST', `/api/resources/${resourceId}/comments`, { body: `Bench-reactie ${user.member!.id.slice(0, 8)} ${n}` })
                : await user.request('GET', `/api/search?q=oefening&limit=20`);
        sent.push({ op, start, end: at(), answer, memberId: user.member!.id, resourceId });
        await sleep(200);
      }
    };
    const probeLive = async () => {
      while (running) {
        const ok = await fetch(`${api!.url}/health/live`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok).catch(() => false);
        if (!ok) liveFailures++;
        await sleep(250);
      }
    };
    const loops = [...users.map(loop), probeLive()];

    await sleep(5000);
    const stopBegin = at();
    log('stopping PostgreSQL');
    await db.stop();
    const stoppedAt = at();
    await sleep(options.outageSeconds * 1000);
    log('starting PostgreSQL again');
    const startBegin = at();
    db = await open();
    const startedAt = at();
    log(`PostgreSQL accepts connections again (${((startedAt - startBegin) / 1000).toFixed(1)} s to start)`);
    await sleep(10_000);
    running = false;
    await Promise.all(loops);
    const endedAt = at();

    // --- what happened
    const during = sent.filter((s) => s.start >= stoppedAt && s.start < startBegin);
    const duringStatuses = countBy(during.map((s) => String(s.answer.status)));
    const duringNot503 = during.filter((s) => s.answer.status !== 503);
    const duringFailed = during.filter((s) => s.answer.status >= 500 || s.answer.status === 0);
    const problemJson = during.filter((s) => s.answer.status === 503).every((s) => (s.answer.body as { code?: string } | null)?.code !== undefined);
    const afterRestart = sent.filter((s) => s.start >= startedAt);
    const failedAfter = afterRestart.filter((s) => !ok(s));
    const lastFailureEnd = failedAfter.length ? Math.max(...failedAfter.map((s) => s.end)) : startedAt;
    const recoverySeconds = (lastFailureEnd - startedAt) / 1000;
    const firstSuccessAfter = afterRestart.filter(ok).map((s) => s.end).sort((a, b) => a - b)[0];
    const unexpected = sent.filter((s) => !ok(s) && s.answer.status !== 503 && !(s.start >= stopBegin && s.start <= stoppedAt));

    // --- acknowledged writes present?
    const favourites = sent.filter((s) => s.op === 'favourite' && ok(s));
    const comments = sent.filter((s) => s.op === 'comment' && ok(s)).map((s) => (s.answer.body as { id: string }).id);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    let missingFavourites = 0;
    let missingComments = 0;
    let outbox = { pending: -1, failed: -1, total: 0, states: '' };
    let index = { missing: -1, extra: -1, stale: -1 };
    let drainSeconds = NaN;
    try {
      const favouriteRows = await client.query<{ key: string }>(`SELECT "memberId" || ':' || "resourceId" AS key FROM "Favourite"`);
      const present = new Set(favouriteRows.rows.map((r) => r.key));
      missingFavourites = new Set(favourites.map((s) => `${s.memberId}:${s.resourceId}`).filter((key) => !present.has(key))).size;
      const commentRows = await client.query<{ id: string }>(`SELECT id FROM "Comment" WHERE id = ANY($1::uuid[])`, [comments]);
      missingComments = comments.length - commentRows.rowCount!;

      // --- outbox drains: every job queued since the load began reaches completed.
      const drainStart = performance.now();
      for (;;) {
        const { rows } = await client.query<{ pending: string; failed: string; total: string }>(
          `SELECT count(*) FILTER (WHERE state < 'completed') AS pending, count(*) FILTER (WHERE state = 'failed') AS failed, count(*) AS total
           FROM (SELECT state FROM pgboss.job WHERE created_on >= $1 UNION ALL SELECT state FROM pgboss.archive WHERE created_on >= $1) j`,
          [loadStartedAt],
        );
        const states = await client.query<{ name: string; state: string; n: number }>(
          `SELECT name, state::text, count(*)::int AS n FROM pgboss.job WHERE created_on >= $1 AND state < 'completed' GROUP BY 1, 2 ORDER BY 3 DESC`,
          [loadStartedAt],
        );
        outbox = { pending: Number(rows[0]!.pending), failed: Number(rows[0]!.failed), total: Number(rows[0]!.total), states: states.rows.map((r) => `${r.n}× ${r.name} ${r.state}`).join(', ') };
        if (outbox.pending === 0 || performance.now() - drainStart > 120_000) break;
        await sleep(500);
      }
      drainSeconds = (performance.now() - drainStart) / 1000;

      // --- the search index matches the database.
      const { rows } = await client.query<{ missing: string; extra: string; stale: string }>(`
        SELECT (SELECT count(*) FROM "Resource" r WHERE r.state = 'published' AND NOT EXISTS (SELECT 1 FROM "SearchDocument" d WHERE d."resourceId" = r.id)) AS missing,
               (SELECT count(*) FROM "SearchDocument" d JOIN "Resource" r ON r.id = d."resourceId" WHERE r.state <> 'published') +
               (SELECT count(*) FROM "SearchDocument" d WHERE NOT EXISTS (SELECT 1 FROM "Resource" r WHERE r.id = d."resourceId")) AS extra,
               (SELECT count(*) FROM "SearchDocument" d JOIN "Resource" r ON r.id = d."resourceId" WHERE d."favouriteCount" <> r."favouriteCount" OR d.title <> r.title) AS stale`);
      index = { missing: Number(rows[0]!.missing), extra: Number(rows[0]!.extra), stale: Number(rows[0]!.stale) };
    } finally {
      await client.end();
    }
    const alive = api.child.exitCode === null && api.child.signalCode === null;
    if (!alive) log(`the API exited; its last output:\n${api.output().slice(-3000)}`);
    const failFastP99 = percentile(duringFailed.map((s) => s.answer.ms), 99);
    const failFastMax = Math.max(0, ...duringFailed.map((s) => s.answer.ms));

    const checks = [
      check('API process stays up', 'no exit, /health/live answers', `${alive ? 'running' : `exited (${api.child.exitCode ?? api.child.signalCode})`}, ${liveFailures} failed liveness probes`, alive && liveFailures === 0),
      check('Requests during the outage', 'all 503 problem+json', `${during.length} requests: ${formatCounts(duringStatuses)}`, during.length > 0 && duringNot503.length === 0 && problemJson),
      check('…and they fail fast', '≤ 1,000 ms each', `p99 ${ms(failFastP99)} ms, max ${ms(failFastMax)} ms`, duringFailed.length > 0 && failFastMax <= 1000),
      check('Recovery after PostgreSQL is back', '≤ 5 s', `${recoverySeconds.toFixed(1)} s (first success after ${firstSuccessAfter === undefined ? '–' : ((firstSuccessAfter - startedAt) / 1000).toFixed(1)} s)`, recoverySeconds <= 5 && firstSuccessAfter !== undefined),
      check('No other errors', 'none (except requests cut while stopping)', `${unexpected.length}${unexpected.length ? `: ${formatCounts(countBy(unexpected.map((s) => `${s.op} ${s.answer.status}`)))}` : ''}`, unexpected.length === 0),
      check('Acknowledged favourites present', 'all', `${favourites.length - missingFavourites} of ${favourites.length}`, missingFavourites === 0),
      check('Acknowledged comments present', 'all', `${comments.length - missingComments} of ${comments.length}`, missingComments === 0),
      check('Outbox drains', 'every job since the load began completed, none failed', `${outbox.total} jobs, ${outbox.pending} pending${outbox.states ? ` (${outbox.states})` : ''}, ${outbox.failed} failed, ${drainSeconds.toFixed(1)} s after the load ended`, outbox.pending === 0 && outbox.failed === 0),
      check('Search index matches the database', '0 missing, 0 extra, 0 stale', `${index.missing} missing, ${index.extra} extra, ${index.stale} stale (favourite count or title)`, index.missing === 0 && index.extra === 0 && index.stale === 0),
    ];
    if (checks.some((c) => !c.pass)) log(`errors the API logged:\n${loggedErrors(api.output())}`);
    const notes = [
      `${users.length} logged-in members, each sending a request every 200 ms (40 % views, 30 % favourites, 20 % comments, 10 % searches): ${sent.length} requests in ${(endedAt / 1000).toFixed(0)} s.`,
      `PostgreSQL stopped (fast shutdown) after 5 s of load, down for ${options.outageSeconds} s, then started again on the same port (starting took ${((startedAt - startBegin) / 1000).toFixed(1)} s); load continued 10 s after that.`,
    ];
    return { checks, notes };
  } finally {
    if (api) await api.stop();
    await db.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const ok = (s: Sent) => s.answer.status >= 200 && s.answer.status < 300;

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function formatCounts(counts: Map<string, number>): string {
  return [...counts].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${n}× ${key === '0' ? 'no answer' : key}`).join(', ') || 'none';
}

/** The API's error log lines (pino JSON, level ≥ 50), shortened, for a failed check. */
export function loggedErrors(output: string): string {
  const lines = output.split('\n').flatMap((line) => {
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string; stack?: string } };
      return (entry.level ?? 0) >= 50 ? [`${entry.msg ?? ''}: ${entry.err?.message ?? ''} ${(entry.err?.stack ?? '').split('\n').slice(1, 6).join(' | ')}`] : [];
    } catch {
      return [];
    }
  });
  return lines.slice(-8).join('\n') || '(none)';
}
