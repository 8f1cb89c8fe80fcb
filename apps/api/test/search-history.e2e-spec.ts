import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchActivityRetention } from '../src/modules/search/activity/search-activity-retention.service.js';
import { SearchHistoryService } from '../src/modules/search/activity/search-history.service.js';
import { SearchIndexer } from '../src/modules/search/indexing/search-indexer.js';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient } from './factories/members.js';
import { publishedLinkResource } from './factories/resources.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let recorder: SearchHistoryService;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
  recorder = t.app.get(SearchHistoryService);
});
afterAll(() => t.close());

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

interface StatRow {
  day: string;
  query: string;
  searches: number;
  zeroResultSearches: number;
}
const statOf = async (query: string) => (await t.sql<StatRow>(`SELECT to_char("day", 'YYYY-MM-DD') AS day, query, searches, "zeroResultSearches" FROM "SearchQueryStat" WHERE query = $1`, [query]))[0];

describe('search history', () => {
  it('keeps a member’s searches, newest first, cursor-paginated, with the filters and result count', async () => {
    const { member, client } = await memberWithClient(t);
    const start = Date.now();
    await recorder.recordSearch({ memberId: member.id, filters: { q: ' Breuken ', subject: ['wiskunde'], level: [], type: [], language: [], licence: [], age: [], media: [] }, total: 12 }, new Date(start - 300_000));
    await recorder.recordSearch({ memberId: member.id, filters: { q: 'tijdlijn', type: ['worksheet'], age: ['9-11'] }, total: 0 }, new Date(start - 200_000));
    await recorder.recordSearch({ memberId: member.id, filters: { q: '', subject: ['frans'], sort: 'newest', limit: 20 } as never, total: 3 }, new Date(start - 100_000));

    const first = await client.get('/api/account/search-history?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]).toMatchObject({ filters: { q: '', subject: ['frans'], level: [], type: [] }, resultCount: 3 });
    expect(first.body.items[0].searchedAt).toBe(new Date(start - 100_000).toISOString());
    expect(first.body.items[1]).toMatchObject({ filters: { q: 'tijdlijn', type: ['worksheet'], age: ['9-11'] }, resultCount: 0 });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await client.get(`/api/account/search-history?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]).toMatchObject({ filters: { q: 'Breuken', subject: ['wiskunde'] }, resultCount: 12 });
    expect(second.body.nextCursor).toBeNull();

    // Another member sees none of it.
    const { client: other } = await memberWithClient(t);
    expect((await other.get('/api/account/search-history')).body).toEqual({ items: [], nextCursor: null });
  });

  it('collapses the same search, or the text being typed further, within a minute; skips further pages and the empty search', async () => {
    const { member, client } = await memberWithClient(t);
    const base = Date.now() - 600_000;
    const at = (seconds: number) => new Date(base + seconds * 1000);
    const search = (q: string, seconds: number, extra: Record<string, unknown> = {}, total = 5) =>
      recorder.recordSearch({ memberId: member.id, filters: { q, level: ['lager-4'], ...extra }, total }, at(seconds));
    await search('wisk', 0);
    await search('wiskunde', 1, {}, 7);
    await search('wiskunde', 30, {}, 8);
    await recorder.recordSearch({ memberId: member.id, filters: { q: 'wiskunde', level: ['lager-4'] }, total: 5, nextPage: true }, at(31));
    await search('wiskunde', 50, { level: ['lager-5'] });
    await search('wiskunde', 200, { level: ['lager-5'] });
    await recorder.recordSearch({ memberId: member.id, filters: { q: '   ' }, total: 100 }, at(300));

    const items = (await client.get('/api/account/search-history')).body.items as Array<{ filters: { q: string; level: string[] }; resultCount: number; searchedAt: string }>;
    expect(items.map((item) => [item.filters.q, item.filters.level, item.resultCount, item.searchedAt])).toEqual([
      ['wiskunde', ['lager-5'], 5, at(200).toISOString()],
      ['wiskunde', ['lager-5'], 5, at(50).toISOString()],
      ['wiskunde', ['lager-4'], 8, at(30).toISOString()],
    ]);
  });

  it('records nothing while the member has paused it, and resumes', async () => {
    const { member, client } = await memberWithClient(t);
    expect((await client.get('/api/account/search-history/settings')).body).toEqual({ paused: false });
    const paused = await client.put('/api/account/search-history/settings', { paused: true });
    expect(paused.status).toBe(200);
    expect(paused.body).toEqual({ paused: true });
    expect((await client.get('/api/account/search-history/settings')).body).toEqual({ paused: true });
    await recorder.recordSearch({ memberId: member.id, filters: { q: 'gepauzeerd zoeken' }, total: 2 });
    expect((await client.get('/api/account/search-history')).body.items).toEqual([]);
    // The anonymous figures still count the search.
    expect(await statOf('gepauzeerd zoeken')).toMatchObject({ searches: 1, zeroResultSearches: 0 });

    expect((await client.put('/api/account/search-history/settings', { paused: false })).body).toEqual({ paused: false });
    await recorder.recordSearch({ memberId: member.id, filters: { q: 'weer zoeken' }, total: 2 });
    expect((await client.get('/api/account/search-history')).body.items.map((item: { filters: { q: string } }) => item.filters.q)).toEqual(['weer zoeken']);
  });

  it('deletes one entry (only the member’s own) or all of them', async () => {
    const { member, client } = await memberWithClient(t);
    await recorder.recordSearch({ memberId: member.id, filters: { q: 'eerste' }, total: 1 }, new Date(Date.now() - 120_000));
    await recorder.recordSearch({ memberId: member.id, filters: { q: 'tweede' }, total: 1 });
    const [newest, oldest] = (await client.get('/api/account/search-history')).body.items as Array<{ id: string }>;

    const { client: stranger } = await memberWithClient(t);
    const foreign = await stranger.delete(`/api/account/search-history/${newest!.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
    expect(foreign.body.code).toBe('not_found');
    expect((await client.delete(`/api/account/search-history/${UNKNOWN}`)).status).toBe(404);

    expect((await client.delete(`/api/account/search-history/${newest!.id}`)).body).toEqual({ ok: true });
    expect((await client.delete(`/api/account/search-history/${newest!.id}`)).status).toBe(404);
    expect((await client.get('/api/account/search-history')).body.items.map((item: { id: string }) => item.id)).toEqual([oldest!.id]);
    expect((await stranger.delete('/api/account/search-history')).body).toEqual({ deleted: 0 });
    expect((await client.delete('/api/account/search-history')).body).toEqual({ deleted: 1 });
    expect((await client.get('/api/account/search-history')).body.items).toEqual([]);
  });

  it('answers bad input with 400 problem+json and visitors with 401', async () => {
    const { client } = await memberWithClient(t);
    for (const response of [
      await client.delete('/api/account/search-history/not-a-uuid'),
      await client.put('/api/account/search-history/settings', { paused: 'yes' }),
      await client.put('/api/account/search-history/settings', { paused: true, extra: 1 }),
      await client.put('/api/account/search-history/settings', {}),
      await client.get('/api/account/search-history?limit=0'),
      await client.get('/api/account/search-history?cursor=bm9uc2Vuc2U'),
    ]) {
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('validation_failed');
    }
    const visitor = t.client();
    expect((await visitor.get('/api/account/search-history')).status).toBe(401);
    expect((await visitor.get('/api/account/search-history/settings')).status).toBe(401);
    expect((await visitor.put('/api/account/search-history/settings', { paused: true })).status).toBe(401);
    expect((await visitor.delete(`/api/account/search-history/${UNKNOWN}`)).status).toBe(401);
    expect((await visitor.delete('/api/account/search-history')).body.code).toBe('unauthenticated');
  });
});

describe('searches through GET /api/search', () => {
  it('land in the member’s history and in the figures; a paused member’s and a visitor’s only in the figures; further pages not at all', async () => {
    const { client: author } = await memberWithClient(t);
    const ids = [];
    for (const title of ['Zonnestelsel verkennen', 'Zonnestelsel: de planeten', 'Zonnestelsel in een doos']) ids.push((await publishedLinkResource(author, { title, description: 'Over ons zonnestelsel.', keywords: ['ruimte'] })).id);
    await t.app.get(SearchIndexer).sync(ids);

    const { client: searcher } = await memberWithClient(t);
    const first = await searcher.get('/api/search?q=Zonnestelsel&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    expect((await searcher.get(`/api/search?q=Zonnestelsel&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)).status).toBe(200);
    const history = (await searcher.get('/api/account/search-history')).body.items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ filters: { q: 'Zonnestelsel', subject: [] }, resultCount: 3 });

    const { client: paused } = await memberWithClient(t);
    await paused.put('/api/account/search-history/settings', { paused: true });
    expect((await paused.get('/api/search?q=zonnestelsel')).status).toBe(200);
    expect((await paused.get('/api/account/search-history')).body.items).toEqual([]);
    expect((await t.client().get('/api/search?q=ZONNESTELSEL%20')).status).toBe(200);
    expect((await t.client().get('/api/search?q=nergensteveindenwoord')).status).toBe(200);

    expect(await statOf('zonnestelsel')).toMatchObject({ searches: 3, zeroResultSearches: 0 });
    expect(await statOf('nergensteveindenwoord')).toMatchObject({ searches: 1, zeroResultSearches: 1 });
  });
});

describe('anonymous search figures', () => {
  it('counts every search per day and normalised text, zero-result ones apart, without any link to a member', async () => {
    const { member } = await memberWithClient(t);
    await recorder.recordSearch({ memberId: null, filters: { q: '  Fotosynthese   Planten ' }, total: 4 });
    await recorder.recordSearch({ memberId: member.id, filters: { q: 'fotosynthese planten', subject: ['biologie'] }, total: 0 });
    await recorder.recordSearch({ memberId: null, filters: { q: 'FOTOSYNTHESE\tplanten' }, total: 0 });
    await recorder.recordSearch({ memberId: null, filters: { q: 'fotosynthese planten' }, total: 4, nextPage: true });
    await recorder.recordSearch({ memberId: null, filters: { subject: ['biologie'] }, total: 9 });
    expect(await statOf('fotosynthese planten')).toEqual({ day: new Date().toISOString().slice(0, 10), query: 'fotosynthese planten', searches: 3, zeroResultSearches: 2 });
    expect((await statOf(''))?.searches).toBeGreaterThanOrEqual(1);
    const columns = await t.sql<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'SearchQueryStat' ORDER BY column_name`);
    expect(columns.map((c) => c.column_name)).toEqual(['day', 'query', 'searches', 'zeroResultSearches']);
  });
});

describe('retention', () => {
  it('deletes search history older than 12 months and figures older than 24 months, keeping newer ones', async () => {
    const { member, client } = await memberWithClient(t);
    await recorder.recordSearch({ memberId: member.id, filters: { q: 'oud' }, total: 1 }, new Date(Date.now() - 366 * 24 * 3600 * 1000));
    await recorder.recordSearch({ memberId: member.id, filters: { q: 'recent' }, total: 1 }, new Date(Date.now() - 364 * 24 * 3600 * 1000));
    await recorder.recordSearch({ memberId: null, filters: { q: 'heel oude vraag' }, total: 1 }, new Date(Date.now() - 731 * 24 * 3600 * 1000));
    await recorder.recordSearch({ memberId: null, filters: { q: 'oude vraag' }, total: 1 }, new Date(Date.now() - 700 * 24 * 3600 * 1000));

    const result = await t.app.get(SearchActivityRetention).purge();
    expect(result.history).toBeGreaterThanOrEqual(1);
    expect(result.stats).toBeGreaterThanOrEqual(1);
    expect((await client.get('/api/account/search-history')).body.items.map((item: { filters: { q: string } }) => item.filters.q)).toEqual(['recent']);
    expect(await statOf('heel oude vraag')).toBeUndefined();
    expect(await statOf('oude vraag')).toMatchObject({ searches: 1 });
  });
});
