/**
 * Property-based fuzzing of every route (fast-check): requests generated from the contracts
 * (the OpenAPI document the app builds from the zod schemas) — valid-shaped values and mutated
 * ones (wrong types, huge and odd unicode strings, numbers at the edges, deep nesting, extra
 * fields, `__proto__`/`constructor` keys) in the path, the query and the body — sent as a
 * signed-in member and as a visitor. For every answer: no 5xx, problem+json for every 4xx, no
 * stack trace or internal detail in the body. Afterwards no unknown field (a sentinel sent as an
 * extra field) is stored anywhere in the database, job queue included, and no prototype was
 * polluted (the app runs in this process).
 *
 * Bounded: a fixed number of runs per route and actor, from a fixed seed (TEST_FUZZ_SEED to
 * change it); a failure names the route, its seed and fast-check's counterexample and path, so
 * it can be replayed. The checks and the seed are shared with the fuzzing of raw upload bodies
 * (fuzz-uploads.e2e-spec.ts) and of what answers outside Nest (fuzz-outside-nest.e2e-spec.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient } from './factories/members.js';
import { publishedLinkResource } from './factories/resources.js';
import { defineOwn, hostile, hostileText, PROTOTYPE_KEYS, valid, type JsonSchema } from './support/fuzz-arbitraries.js';
import { FUZZ_SEED as SEED, problemWith, seedFor } from './support/fuzz-checks.js';
import type { HttpClient } from './support/http-client.js';
import { appRoutes, type AppRoute } from './support/routes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MEMBER_RUNS = 10;
const VISITOR_RUNS = 4;
const SENTINEL = 'fuzzsentinel';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  route: AppRoute;
  pathParams: Parameter[];
  query: Parameter[];
  body?: JsonSchema;
}

interface GeneratedRequest {
  path: Record<string, string>;
  query: Array<[string, string]>;
  body: unknown;
  extraFields: boolean;
}

async function operations(): Promise<Operation[]> {
  const document = (await t.client().get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  };
  return appRoutes(t.app).map((route) => {
    const operation = document.paths[route.template]?.[route.method.toLowerCase()];
    const parameters = operation?.parameters ?? [];
    const declared = parameters.filter((p) => p.in === 'path');
    // Path parameters the document does not describe are fuzzed as free text.
    const names = [...route.template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const pathParams = names.map((name) => declared.find((p) => p.name === name) ?? { name, in: 'path' as const });
    const body = operation?.requestBody?.content?.['application/json']?.schema;
    return { route, pathParams, query: parameters.filter((p) => p.in === 'query'), ...(body ? { body } : {}) };
  });
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

/** Requests for one operation: mostly valid-shaped, a good share mutated. */
function requests(operation: Operation): fc.Arbitrary<GeneratedRequest> {
  const path: Record<string, fc.Arbitrary<string>> = {};
  for (const p of operation.pathParams) path[p.name] = fc.oneof({ weight: 3, arbitrary: valid(p.schema).map(asText) }, { weight: 1, arbitrary: hostileText });
  const query = fc
    .tuple(
      fc.tuple(
        ...operation.query.map((p) =>
        fc.oneof(
          { weight: 3, arbitrary: valid(p.schema).map((v) => [[p.name, asText(v)]] as Array<[string, string]>) },
          { weight: 1, arbitrary: hostileText.map((v) => [[p.name, v]] as Array<[string, string]>) },
          // Repeated: the parser hands the pipe an array.
          { weight: 1, arbitrary: fc.array(hostileText, { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => [p.name, v] as [string, string])) },
          { weight: 1, arbitrary: fc.constant([] as Array<[string, string]>) },
        ),
      ),
      ),
      fc.option(fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS, 'onbekend'), hostileText), { nil: undefined }),
    )
    .map(([params, extra]) => [...params.flat(), ...(extra ? [extra] : [])]);
  const validBody = valid(operation.body);
  const mutatedBody = fc.tuple(validBody, hostile, fc.nat()).map(([value, bad, index]) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad;
    const keys = Object.keys(value);
    if (keys.length === 0) return bad;
    return { ...value, [keys[index % keys.length]!]: bad };
  });
  const body = operation.body
    ? fc.oneof({ weight: 4, arbitrary: validBody }, { weight: 3, arbitrary: mutatedBody }, { weight: 1, arbitrary: hostile })
    : fc.option(hostile, { nil: undefined, freq: 3 });
  return fc.record({ path: fc.record(path), query, body, extraFields: fc.boolean() });
}

let sentinelCount = 0;

/** The request as sent: extra fields get a sentinel that must never be stored, plus prototype keys. */
function build(operation: Operation, request: GeneratedRequest): { url: string; payload: string | undefined; sentinel?: string } {
  let url = operation.route.template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    try {
      return encodeURIComponent(request.path[name] ?? 'x') || 'x';
    } catch {
      return 'x';
    }
  });
  if (request.query.length > 0) url += `?${new URLSearchParams(request.query).toString()}`;
  let body = request.body;
  let sentinel: string | undefined;
  if (request.extraFields && typeof body === 'object' && body !== null && !Array.isArray(body)) {
    sentinel = `${SENTINEL}${++sentinelCount}`;
    const extended: Record<string, unknown> = { ...(body as Record<string, unknown>), [`${sentinel}_key`]: `${sentinel}_value` };
    defineOwn(extended, '__proto__', { [`${SENTINEL}_polluted`]: true, role: 'admin', isAdmin: true });
    defineOwn(extended, 'constructor', { prototype: { [`${SENTINEL}_polluted`]: true } });
    body = extended;
  }
  const payload = body === undefined || operation.route.method === 'GET' ? undefined : JSON.stringify(body);
  return { url, payload, ...(sentinel ? { sentinel } : {}) };
}

describe('requests generated from the contracts, sent to every route', () => {
  // About a minute on two cores: a fixed number of runs per route, never a time limit on the work.
  it('never answer 5xx, always answer 4xx as problem+json without internals, and store no unknown field', { timeout: 300_000 }, async () => {
    console.log(`fuzz seed ${SEED} (set TEST_FUZZ_SEED to change it; each route's own seed is printed with its failure)`);
    const all = await operations();
    expect(all.length).toBeGreaterThan(100);
    let member = await memberWithClient(t);
    // Some valid ids for valid-shaped requests to find.
    await publishedLinkResource(member.client, { title: 'Oefenen met breuken' });
    const failures: string[] = [];
    const sentinels = new Map<string, string>();

    for (const operation of all) {
      const { route } = operation;
      const seed = seedFor(route.key);
      for (const [actor, numRuns] of [['member', MEMBER_RUNS], ['visitor', VISITOR_RUNS]] as const) {
        const client: HttpClient = actor === 'member' ? member.client : t.client();
        const property = fc.asyncProperty(requests(operation), async (request) => {
          const { url, payload, sentinel } = build(operation, request);
          if (sentinel) sentinels.set(sentinel, route.key);
          const response = await client.request(route.method, url, undefined, payload === undefined ? {} : { raw: payload, headers: { 'content-type': 'application/json' } });
          const wrong = problemWith(response.status, response.headers.get('content-type') ?? '', response.text);
          if (wrong) throw new Error(`${wrong}\n${response.text.slice(0, 500)}`);
        });
        const details = await fc.check(property, { seed, numRuns, endOnFailure: true });
        if (details.failed) {
          failures.push(`${route.key} as ${actor} (seed ${seed}, path ${details.counterexamplePath ?? '?'}): ${String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance)}\n  request: ${fc.stringify(details.counterexample).slice(0, 1500)}`);
        }
      }
      // Log-out, deletion and the like end the member's session: carry on with a new member.
      if ((await member.client.get('/api/auth/me')).status !== 200) member = await memberWithClient(t);
    }
    expect(failures, failures.join('\n\n')).toEqual([]);

    // No unknown field was stored: the sentinels appear in no row of any table.
    const tables = await t.sql<{ schemaname: string; tablename: string }>(`SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN ('public', 'pgboss')`);
    expect(tables.length).toBeGreaterThan(20);
    const stored: string[] = [];
    for (const { schemaname, tablename } of tables) {
      const rows = await t.sql<{ row: string }>(`SELECT left(t::text, 300) AS row FROM "${schemaname}"."${tablename}" t WHERE t::text LIKE '%${SENTINEL}%' LIMIT 3`);
      for (const { row } of rows) {
        const sentinel = /fuzzsentinel\d+/.exec(row)?.[0];
        stored.push(`${schemaname}.${tablename} (sent to ${sentinel ? sentinels.get(sentinel) : 'a route'}): ${row}`);
      }
    }
    expect(stored).toEqual([]);
    expect(sentinels.size).toBeGreaterThan(50);

    // No prototype was polluted.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)[`${SENTINEL}_polluted`]).toBeUndefined();
  });
});

describe('answers the fuzzing once got wrong', () => {
  it('refuses a policy version beyond any version with 400 (was 500: the integer overflowed the column)', async () => {
    const { client } = await memberWithClient(t);
    const response = await client.post('/api/account/privacy-policy/acceptances', { version: 5_030_741_621_345_277 });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });

  it('answers a request line too large for the parser with 431 problem+json (was plain JSON)', async () => {
    const response = await t.client().get(`/api/search?q=${'x'.repeat(20_000)}`);
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 431, code: 'payload_too_large' });
  });

  it('answers a path parameter longer than any id with 404 problem+json (was 414 plain JSON)', async () => {
    const response = await t.client().get(`/api/resources/${'x'.repeat(500)}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('not_found');
  });

  it('answers an undecodable address with 400 problem+json (was plain JSON)', async () => {
    const response = await t.client().get('/api/resources/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('validation_failed');
  });
});
