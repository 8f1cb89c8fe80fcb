import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_ENGINE, type SearchEngine } from '../src/modules/search/engine/search-engine.js';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { createMember, memberWithClient, moderatorClient } from './factories/members.js';
import { publishedLinkResource } from './factories/resources.js';
import { waitUntil } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

const search = (query: string) => t.client().get(`/api/search?${query}`);
const ids = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id);
/** Waits until the indexer (outbox job, inline worker) has caught up with a condition on the results. */
const eventually = (query: string, check: (body: any) => boolean, what: string) =>
  waitUntil(async () => check((await search(query)).body), 20_000, what);

describe('GET /api/search', () => {
  it('finds a published resource once the outbox job indexed it, with summary fields, highlights and facets', async () => {
    const { client } = await memberWithClient(t, { firstName: 'Lotte', lastName: 'Maes' });
    const resource = await publishedLinkResource(client, { title: 'Vulkanen en aardbevingen', description: 'Hoe **vulkanen** ontstaan.', subjects: ['aardrijkskunde'], keywords: ['vulkaan'] });
    await eventually('q=vulkanen', (body) => ids(body).includes(resource.id), 'the new resource in the results');
    const response = await search('q=vulkanen');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 1, sort: 'relevance', nextCursor: null, didYouMean: null });
    const [hit] = response.body.items;
    expect(hit).toMatchObject({
      id: resource.id,
      title: 'Vulkanen en aardbevingen',
      state: 'published',
      author: { displayName: 'Lotte Maes' },
      keywords: ['vulkaan'],
      hasLink: true,
      hasFile: false,
      favouriteCount: 0,
      rating: { average: null, count: 0 },
    });
    expect(hit.highlight.title).toContainEqual({ text: 'Vulkanen', match: true });
    expect(hit.highlight.description.map((s: { text: string }) => s.text).join('')).toBe('Hoe vulkanen ontstaan.');
    expect(response.body.facets.subject).toEqual([{ value: 'aardrijkskunde', count: 1 }]);
    // By the author's name, and the typo-tolerant way.
    expect(ids((await search('q=Lotte%20Maes')).body)).toEqual([resource.id]);
    const typo = (await search('q=vulkanne')).body;
    expect(ids(typo)).toEqual([resource.id]);
    expect(typo.didYouMean).toBe('vulkanen');
  });

  it('follows edits, hiding, unhiding, unpublishing and removal (only published, non-hidden resources)', async () => {
    const { client } = await memberWithClient(t);
    const resource = await publishedLinkResource(client, { title: 'Kringloop van het water' });
    await eventually('q=kringloop', (body) => ids(body).includes(resource.id), 'indexed');
    expect((await client.patch(`/api/resources/${resource.id}`, { title: 'Regen en verdamping' })).status).toBe(200);
    await eventually('q=verdamping', (body) => ids(body).includes(resource.id), 'the new title');
    expect(ids((await search('q=kringloop')).body)).not.toContain(resource.id);

    const moderator = await moderatorClient(t);
    expect((await moderator.post(`/api/resources/${resource.id}/hide`, { reason: 'Auteursrecht' })).status).toBe(200);
    // Hidden: gone at once (the search reads the live state), and from the index after the job.
    expect(ids((await search('q=verdamping')).body)).toEqual([]);
    await waitUntil(async () => (await t.sql(`SELECT 1 FROM "SearchDocument" WHERE "resourceId" = $1`, [resource.id])).length === 0, 20_000, 'the document removed');
    expect((await moderator.post(`/api/resources/${resource.id}/unhide`)).status).toBe(200);
    await eventually('q=verdamping', (body) => ids(body).includes(resource.id), 'back after unhiding');

    expect((await client.post(`/api/resources/${resource.id}/unpublish`)).status).toBe(200);
    await waitUntil(async () => (await t.sql(`SELECT 1 FROM "SearchDocument" WHERE "resourceId" = $1`, [resource.id])).length === 0, 20_000, 'removed when back to draft');
    expect(ids((await search('q=verdamping')).body)).toEqual([]);
    expect((await client.post(`/api/resources/${resource.id}/publish`)).status).toBe(200);
    await eventually('q=verdamping', (body) => ids(body).includes(resource.id), 'published again');
    expect((await client.delete(`/api/resources/${resource.id}`)).status).toBe(200);
    await waitUntil(async () => (await t.sql(`SELECT 1 FROM "SearchDocument" WHERE "resourceId" = $1`, [resource.id])).length === 0, 20_000, 'removed');
    expect(ids((await search('q=verdamping')).body)).toEqual([]);
  });

  it('re-indexes when the author renames, and when favourites and ratings change', async () => {
    const { client } = await memberWithClient(t, { firstName: 'Pieter', lastName: 'Janssens' });
    const resource = await publishedLinkResource(client, { title: 'Planeten van ons zonnestelsel' });
    await eventually('q=Janssens', (body) => ids(body).includes(resource.id), 'found by author name');
    expect((await client.patch('/api/account/profile', { lastName: 'Wouters' })).status).toBe(200);
    await eventually('q=Wouters', (body) => ids(body).includes(resource.id), 'found by the new name');
    expect(ids((await search('q=Janssens')).body)).not.toContain(resource.id);

    const { client: fan } = await memberWithClient(t);
    expect((await fan.put(`/api/resources/${resource.id}/favourite`)).status).toBe(200);
    expect((await fan.put(`/api/resources/${resource.id}/rating`, { score: 4 })).status).toBe(200);
    await waitUntil(
      async () => (await t.sql<{ f: number; r: number }>(`SELECT "favouriteCount" AS f, "ratingCount" AS r FROM "SearchDocument" WHERE "resourceId" = $1`, [resource.id]))[0]?.r === 1,
      20_000,
      'the counts in the search document',
    );
    expect((await t.sql(`SELECT "favouriteCount", "ratingAverage" FROM "SearchDocument" WHERE "resourceId" = $1`, [resource.id]))[0]).toEqual({ favouriteCount: 1, ratingAverage: 4 });
  });

  it('pages through results with an opaque cursor', async () => {
    const { client } = await memberWithClient(t);
    const created = [];
    for (let i = 0; i < 5; i++) created.push((await publishedLinkResource(client, { title: `Sterrenkijken deel ${i}` })).id);
    await eventually('q=sterrenkijken', (body) => body.total === 5, 'all five indexed');
    const first = (await search('q=sterrenkijken&limit=2&sort=newest')).body;
    expect(first.items).toHaveLength(2);
    const second = (await search(`q=sterrenkijken&limit=2&sort=newest&cursor=${first.nextCursor}`)).body;
    const third = (await search(`q=sterrenkijken&limit=2&sort=newest&cursor=${second.nextCursor}`)).body;
    expect(third.nextCursor).toBeNull();
    expect(new Set([...ids(first), ...ids(second), ...ids(third)])).toEqual(new Set(created));
  });

  it('answers 400 problem+json for bad input', async () => {
    for (const [query, path] of [
      ['sort=oldest', 'sort'],
      ['limit=0', 'limit'],
      ['limit=51', 'limit'],
      ['colour=blue', 'colour'],
      ['age=7-9', 'age.0'],
      ['type=poem', 'type.0'],
      ['language=dutch', 'language.0'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['cursor=bm9wZQ', 'cursor'],
      ['cursor=%3Cscript%3E', 'cursor'],
    ] as const) {
      const response = await search(query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type'), query).toContain('application/problem+json');
      expect(response.body.code, query).toBe('validation_failed');
      expect(response.body.errors.map((e: { path: string }) => e.path), query).toContain(path);
    }
  });

  it('never answers 500 to anything a client can send', async () => {
    for (const q of ['&|!():*', '"', "'", '\\', 'a & b | !c', "'); DROP TABLE \"Resource\"; --", 'subjects IN ["x"] OR 1=1', '-', 'or or or', '%_%', '\u0001\u0002', 'é'.repeat(200)]) {
      const response = await search(`q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
      const suggest = await t.client().get(`/api/search/suggest?q=${encodeURIComponent(q.slice(0, 100) || 'x')}`);
      expect([200, 400], q).toContain(suggest.status);
    }
  });

  it('lists only published resources when searching for everything', async () => {
    const author = await createMember(t);
    const { client } = await memberWithClient(t);
    const published = await publishedLinkResource(client, { title: 'Zichtbaar overzicht' });
    await eventually('q=overzicht', (body) => ids(body).includes(published.id), 'indexed');
    const all: string[] = [];
    let cursor = '';
    do {
      const page = (await search(`limit=50${cursor ? `&cursor=${cursor}` : ''}`)).body;
      all.push(...ids(page));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    const rule = (await t.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE state = 'published'`)).map((row) => row.id);
    expect(new Set(all)).toEqual(new Set(rule));
    expect(author.id).toBeDefined();
  });
});

describe('GET /api/search/suggest', () => {
  it('suggests resource titles and terms as the member types', async () => {
    const { client } = await memberWithClient(t);
    const resource = await publishedLinkResource(client, { title: 'Fotosynthese in de klas', keywords: ['fotosynthese', 'planten'] });
    await eventually('q=fotosynthese', (body) => ids(body).includes(resource.id), 'indexed');
    const response = await t.client().get('/api/search/suggest?q=fotos');
    expect(response.status).toBe(200);
    expect(response.body.suggestions).toContainEqual({ text: 'Fotosynthese in de klas', kind: 'resource', resourceId: resource.id });
    expect(response.body.suggestions).toContainEqual({ text: 'fotosynthese', kind: 'term', resourceId: null });
    const limited = await t.client().get('/api/search/suggest?q=fotos&limit=1');
    expect(limited.body.suggestions).toHaveLength(1);
  });

  it('answers 400 for an empty, too long or unknown query', async () => {
    for (const query of ['', 'q=', `q=${'x'.repeat(101)}`, 'q=a&limit=11', 'q=a&extra=1']) {
      const response = await t.client().get(`/api/search/suggest?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.code, query).toBe('validation_failed');
    }
  });
});

describe('indexing when the search engine is down', () => {
  it('lets writes succeed, retries the job and catches up without losing or duplicating anything', { timeout: 90_000 }, async () => {
    // A test-only failing wrapper around the real adapter: its writes throw while "down".
    const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
    const realUpsert = engine.upsert.bind(engine);
    let down = true;
    let failures = 0;
    engine.upsert = async (documents) => {
      if (down) {
        failures++;
        throw new Error('search engine unavailable');
      }
      return realUpsert(documents);
    };
    try {
      const { client } = await memberWithClient(t);
      const published = await client.post(`/api/resources/${(await client.post('/api/resources', { title: 'Onderbroken indexering', type: 'website', licence: 'CC0', link: 'https://example.org/storing' })).body.id}/publish`);
      expect(published.status).toBe(200);
      const id = published.body.id as string;
      await waitUntil(() => failures > 0, 20_000, 'a failed attempt');
      // pg-boss records the failure just after the handler threw: the job waits for its retry.
      const jobStates = async () => (await t.sql<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = 'search.index' AND data->'ids' ? $1`, [id])).map((job) => job.state);
      await waitUntil(async () => (await jobStates()).includes('retry'), 20_000, 'the job waiting for a retry');
      expect(await jobStates()).toEqual(['retry']);
      expect(ids((await search('q=onderbroken')).body)).toEqual([]);
      down = false;
      await eventually('q=onderbroken', (body) => ids(body).includes(id), 'caught up after the outage');
      expect(ids((await search('q=onderbroken')).body)).toEqual([id]);
      expect(await t.sql(`SELECT count(*)::int AS n FROM "SearchDocument" WHERE "resourceId" = $1`, [id])).toEqual([{ n: 1 }]);
      await waitUntil(async () => (await t.sql(`SELECT 1 FROM pgboss.job WHERE name = 'search.index' AND data->'ids' ? $1 AND state <> 'completed'`, [id])).length === 0, 20_000, 'the job completed');
    } finally {
      engine.upsert = realUpsert;
    }
  });
});
