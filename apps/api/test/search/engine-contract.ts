import type { SearchFilters } from '@lesplein/contracts/search';
import { SearchFilters as SearchFiltersSchema } from '@lesplein/contracts/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors/domain-error.js';
import type { EngineQuery, EngineResult, SearchEngine } from '../../src/modules/search/engine/search-engine.js';
import { SearchDocumentsRepository } from '../../src/modules/search/indexing/search-documents.repository.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createCorpus, type Corpus } from './corpus.js';

export interface EngineUnderTest {
  engine: SearchEngine;
  close?: () => Promise<void>;
}

/** Sends the current database state of these resources to an engine (as the indexer does). */
export async function indexInto(t: TestApp, engine: SearchEngine, ids: string[]): Promise<void> {
  const documents = t.app.get(SearchDocumentsRepository);
  const docs = await documents.withIndexingLocks(ids, (tx) => documents.findPublished(tx, ids));
  await engine.upsert(docs);
}

const query = (filters: Partial<SearchFilters>, rest: Partial<Omit<EngineQuery, 'filters'>> = {}): EngineQuery => ({
  filters: SearchFiltersSchema.parse(filters),
  sort: rest.sort ?? (filters.q ? 'relevance' : 'newest'),
  limit: rest.limit ?? 50,
  ...(rest.cursor ? { cursor: rest.cursor } : {}),
});

/**
 * The behaviour every SearchEngine adapter must have, on one small corpus (corpus.ts). Run
 * against PostgreSQL always and against Meilisearch when MEILI_URL is set.
 */
export function searchEngineContract(name: string, makeEngine: (t: TestApp) => Promise<EngineUnderTest>): void {
  describe(`SearchEngine contract: ${name}`, () => {
    let t: TestApp;
    let under: EngineUnderTest;
    let engine: SearchEngine;
    let corpus: Corpus;
    const ids = (result: EngineResult) => result.hits.map((hit) => hit.id);
    const search = async (filters: Partial<SearchFilters>, rest: Partial<Omit<EngineQuery, 'filters'>> = {}) => engine.search(query(filters, rest));
    /** Only the five named resources (not the pagination set). */
    const named = { subject: ['wiskunde', 'wereldorientatie', 'frans', 'lichamelijke-opvoeding'] };

    beforeAll(async () => {
      t = await startTestApp();
      corpus = await createCorpus(t);
      under = await makeEngine(t);
      engine = under.engine;
      await engine.applySettings();
      await indexInto(t, engine, corpus.all);
    }, 120_000);
    afterAll(async () => {
      await under?.close?.();
      await t?.close();
    });

    it('ignores accents and case', async () => {
      for (const q of ['WERELDORIËNTATIE', 'wereldorientatie', 'Wereldoriëntatie']) expect(ids(await search({ q })), q).toContain(corpus.ids.seizoenen);
      expect(ids(await search({ q: 'francais' }))).toEqual([corpus.ids.francais]);
    });

    it('finds other forms of a Dutch word', async () => {
      expect(ids(await search({ q: 'oefening' }))).toContain(corpus.ids.breuken); // "Oefeningen", "oefenen"
      expect(ids(await search({ q: 'seizoen' }))).toEqual([corpus.ids.seizoenen]); // "seizoenen"
    });

    it('tolerates a typo and says what it searched for instead', async () => {
      const result = await search({ q: 'wiskunfe' });
      expect(ids(result)).toEqual(expect.arrayContaining([corpus.ids.breuken, corpus.ids.procenten]));
      expect(result.didYouMean).toBe('wiskunde');
      const exact = await search({ q: 'wiskunde' });
      expect(exact.didYouMean).toBeNull();
      const nothing = await search({ q: 'qxzvwpl' });
      expect(nothing).toMatchObject({ total: 0, hits: [], didYouMean: null });
    });

    it('expands synonyms kept as data', async () => {
      expect(ids(await search({ q: 'wisk' }))).toEqual(expect.arrayContaining([corpus.ids.breuken, corpus.ids.procenten]));
      expect(ids(await search({ q: 'lo' }))).toContain(corpus.ids.turnen); // lo = lichamelijke opvoeding = gym
    });

    it('searches the author name', async () => {
      expect(ids(await search({ q: 'Peeters' }))).toEqual([corpus.ids.turnen]);
    });

    it('filters: OR within a facet, AND across facets, age bands by overlap', async () => {
      const set = async (filters: Partial<SearchFilters>) => new Set(ids(await search(filters)));
      expect(await set({ type: ['worksheet'] })).toEqual(new Set([corpus.ids.breuken, corpus.ids.seizoenen]));
      expect(await set({ language: ['fr'] })).toEqual(new Set([corpus.ids.francais]));
      expect(await set({ subject: ['wiskunde', 'frans'] })).toEqual(new Set([corpus.ids.breuken, corpus.ids.procenten, corpus.ids.francais]));
      expect(await set({ subject: ['wiskunde'], type: ['worksheet'] })).toEqual(new Set([corpus.ids.breuken]));
      expect(await set({ age: ['15-18'] })).toEqual(new Set([corpus.ids.procenten]));
      expect(await set({ age: ['0-5', '12-14'] })).toEqual(new Set([corpus.ids.turnen, corpus.ids.procenten, corpus.ids.francais]));
      expect(await set({ media: ['file'] })).toEqual(new Set([corpus.ids.breuken, corpus.ids.francais]));
      expect(await set({ level: ['lager-3'], licence: ['CC-BY-NC'] })).toEqual(new Set(corpus.zandlopers));
      expect(await set({ q: 'breuken', type: ['video'] })).toEqual(new Set());
    });

    it('counts facets for the query, each facet ignoring its own filter', async () => {
      const result = await search({ type: ['worksheet'] });
      expect(result.total).toBe(2);
      expect(result.facets.type).toEqual([
        { value: 'exercise', count: 23 },
        { value: 'worksheet', count: 2 },
        { value: 'document', count: 1 },
        { value: 'presentation', count: 1 },
        { value: 'video', count: 1 },
      ]);
      expect(result.facets.subject).toEqual([
        { value: 'wereldorientatie', count: 1 },
        { value: 'wiskunde', count: 1 },
      ]);
      expect(result.facets.age).toEqual([
        { value: '6-8', count: 1 },
        { value: '9-11', count: 1 },
      ]);
      expect(result.facets.media).toEqual([
        { value: 'file', count: 1 },
        { value: 'link', count: 1 },
      ]);
      expect(result.facets.language).toEqual([{ value: 'nl', count: 2 }]);
      expect(Object.keys(result.facets).sort()).toEqual(['age', 'language', 'level', 'licence', 'media', 'subject', 'type']);
      const text = await search({ q: 'wiskunde' });
      expect(text.facets.subject).toEqual([{ value: 'wiskunde', count: 2 }]);
    });

    it('sorts by relevance, newest, rating and views', async () => {
      expect(ids(await search({ q: 'breuken' }))[0]).toBe(corpus.ids.breuken);
      const c = corpus.ids;
      expect(ids(await search(named, { sort: 'newest' }))).toEqual([c.breuken, c.seizoenen, c.procenten, c.francais, c.turnen]);
      expect(ids(await search(named, { sort: 'views' }))).toEqual([c.procenten, c.breuken, c.seizoenen, c.francais, c.turnen]);
      expect(ids(await search(named, { sort: 'rating' })).slice(0, 2)).toEqual([c.breuken, c.seizoenen]);
    });

    it('pages with cursors without duplicates or gaps, in every sort', async () => {
      for (const sort of ['relevance', 'newest', 'views', 'rating'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await search({ q: 'zandloper' }, { sort, limit: 5, cursor });
          expect(page.total, sort).toBe(23);
          seen.push(...ids(page));
          cursor = page.nextCursor ?? undefined;
          pages++;
        } while (cursor && pages < 10);
        expect(seen.length, sort).toBe(23);
        expect(new Set(seen), sort).toEqual(new Set(corpus.zandlopers));
        expect(pages, sort).toBe(5);
      }
    });

    it('highlights matches as inert segments of the original text', async () => {
      const [hit] = (await search({ q: 'breuken' })).hits;
      expect(hit!.highlight.title.map((s) => s.text).join('')).toBe('Breuken oefenen');
      expect(hit!.highlight.title).toContainEqual({ text: 'Breuken', match: true });
      expect(hit!.highlight.description.some((s) => s.match && /breuken/i.test(s.text))).toBe(true);
      const accented = (await search({ q: 'wereldorientatie' })).hits.find((h) => h.id === corpus.ids.seizoenen)!;
      expect(accented.highlight.title).toContainEqual({ text: 'Wereldoriëntatie', match: true });
    });

    it('suggests terms and resource titles for a prefix', async () => {
      const terms = await engine.suggest('wisk', 8);
      expect(terms.some((s) => s.kind === 'term' && s.text.startsWith('wiskunde'))).toBe(true);
      const titles = await engine.suggest('Breu', 8);
      expect(titles).toContainEqual({ text: 'Breuken oefenen', kind: 'resource', resourceId: corpus.ids.breuken });
      expect((await engine.suggest('qxzvw', 8)).length).toBe(0);
    });

    it('answers operator-only, quote-only and injection-like input without failing', async () => {
      for (const q of ['&|!():*', '"', "'", 'breuken & | ! ( ) : *', "'; DROP TABLE \"Resource\"; --", 'type = video OR 1=1', '-', 'or', '""breuken""']) {
        const result = await search({ q });
        expect(Array.isArray(result.hits), q).toBe(true);
      }
      expect(ids(await search({ q: '&|!():*' })).length).toBeGreaterThan(0); // nothing to search for: everything
    });

    it('refuses a cursor it did not make, or one from another sort', async () => {
      await expect(search({ q: 'zandloper' }, { cursor: 'bm9wZQ' })).rejects.toBeInstanceOf(DomainError);
      await expect(search({ q: 'zandloper' }, { cursor: 'not a cursor!' })).rejects.toBeInstanceOf(DomainError);
      const first = await search({ q: 'zandloper' }, { sort: 'newest', limit: 5 });
      await expect(search({ q: 'zandloper' }, { sort: 'views', cursor: first.nextCursor! })).rejects.toBeInstanceOf(DomainError);
    });

    it('removes documents (idempotently) and takes them back', async () => {
      await engine.remove([corpus.ids.francais]);
      await engine.remove([corpus.ids.francais]);
      expect(ids(await search({ q: 'francais' }))).toEqual([]);
      await indexInto(t, engine, [corpus.ids.francais]);
      await indexInto(t, engine, [corpus.ids.francais]);
      expect(ids(await search({ q: 'francais' }))).toEqual([corpus.ids.francais]);
    });
  });
}
