import { SEARCH_ENGINE, type EngineQuery, type SearchEngine } from '../../src/modules/search/engine/search-engine.js';
import { AGE_BANDS, SearchFilters } from '@lesplein/contracts/search';
import { PostgresSearchEngine } from '../../src/modules/search/engine/postgres/postgres-search.engine.js';
import { PostgresSearchRepository, sampleIndexCondition } from '../../src/modules/search/engine/postgres/postgres-search.repository.js';
import { CachedSynonyms } from '../../src/modules/search/engine/synonyms.js';
import { SearchSynonymsRepository } from '../../src/modules/search/search-synonyms.repository.js';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { TaxonomyService } from '../../src/modules/taxonomy/taxonomy.service.js';
import { createMember } from '../factories/members.js';
import { startTestApp } from '../support/test-app.js';
import { insertResource } from './corpus.js';
import { indexInto, searchEngineContract } from './engine-contract.js';
import { visibilityAgreement } from './visibility-contract.js';

// The default engine, as the application builds it (no MEILI_URL in tests).
searchEngineContract('PostgreSQL', async (t) => {
  const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
  if (engine.name !== 'postgres') throw new Error(`expected the PostgreSQL engine, got ${engine.name}`);
  return { engine };
});

visibilityAgreement('PostgreSQL', async (t) => ({ engine: t.app.get<SearchEngine>(SEARCH_ENGINE) }));

describe('PostgreSQL engine: defence in depth', () => {
  it('never returns a resource that is not published, even when its document lingers in the index', async () => {
    const t = await startTestApp();
    try {
      await t.app.get(TaxonomyService).seedIfEmpty();
      const author = await createMember(t);
      const id = await insertResource(t, author.id, { title: 'Achtergebleven document' });
      const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
      await indexInto(t, engine, [id]);
      const find = async () => (await engine.search({ filters: SearchFilters.parse({ q: 'achtergebleven' }), sort: 'relevance', limit: 10 })).hits.map((hit) => hit.id);
      expect(await find()).toEqual([id]);
      // Hidden without the indexer hearing of it (no job): the live state still rules.
      await t.sql(`UPDATE "Resource" SET state = 'hidden' WHERE id = $1`, [id]);
      expect((await t.sql(`SELECT 1 FROM "SearchDocument" WHERE "resourceId" = $1`, [id])).length).toBe(1);
      expect(await find()).toEqual([]);
      // Titles are checked live too; vocabulary terms follow when the indexer removes the document.
      expect((await engine.suggest('achtergebl', 5)).filter((s) => s.kind === 'resource')).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('PostgreSQL engine: a large result is counted over a sample', () => {
  const TYPES = ['worksheet', 'video', 'document'] as const;
  const SUBJECTS = ['wiskunde', 'wereldorientatie'] as const;
  const SIZE = 320;
  /** Fixed ids, so the sample (by a hash of the id) and therefore every figure is the same on every run. */
  const idOf = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 12, i)).toISOString();
  const query = (filters: Partial<SearchFilters>, sort: EngineQuery['sort'], cursor?: string): EngineQuery => ({
    filters: SearchFilters.parse(filters),
    sort,
    limit: 20,
    ...(cursor ? { cursor } : {}),
  });

  it('estimates the total and facets, while pages stay exact and complete', async () => {
    const t = await startTestApp();
    try {
      await t.app.get(TaxonomyService).seedIfEmpty();
      const author = await createMember(t);
      const ids: string[] = [];
      for (let i = 0; i < SIZE; i++) {
        ids.push(await insertResource(t, author.id, { id: idOf(i), title: `Kompasroos ${i}`, type: TYPES[i % 3], subjects: [SUBJECTS[i % 2]!], publishedAt: at(i), views: i }));
      }
      const exact = t.app.get<SearchEngine>(SEARCH_ENGINE);
      await indexInto(t, exact, ids);
      // A limit of 40 counted rows: 320 matches are "large". PostgreSQL estimates from statistics.
      await t.sql('ANALYZE "SearchDocument"');
      const sampled = new PostgresSearchEngine(t.app.get(PostgresSearchRepository), new CachedSynonyms(t.app.get(SearchSynonymsRepository)), { exactCountLimit: 40 });

      const full = await exact.search(query({ q: 'kompasroos' }, 'newest'));
      expect(full).toMatchObject({ total: SIZE, estimated: false });
      // 0…319: i % 3 = 0 (worksheet) and 1 (video) 107 times, 2 (document) 106 times.
      expect(full.facets.type).toEqual([
        { value: 'video', count: 107 },
        { value: 'worksheet', count: 107 },
        { value: 'document', count: 106 },
      ]);

      const estimate = await sampled.search(query({ q: 'kompasroos' }, 'newest'));
      expect(estimate.estimated).toBe(true);
      expect(estimate.total).toBeGreaterThanOrEqual(SIZE / 2);
      expect(estimate.total).toBeLessThanOrEqual(SIZE * 2);
      for (const value of estimate.facets.type) expect(TYPES).toContain(value.value);
      expect(estimate.facets.type.reduce((sum, v) => sum + v.count, 0)).toBe(estimate.total);

      // The pages are not sampled: the newest first, every match exactly once.
      const newestFirst = [...ids].reverse();
      expect(estimate.hits.map((hit) => hit.id)).toEqual(newestFirst.slice(0, 20));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await sampled.search(query({ q: 'kompasroos' }, 'views', cursor));
        expect(page.estimated).toBe(true);
        seen.push(...page.hits.map((hit) => hit.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(newestFirst);

      // With filters: every hit passes them, the facet of a filtered field still lists the other values.
      const filtered = await sampled.search(query({ q: 'kompasroos', type: ['worksheet'], subject: ['wiskunde'] }, 'newest'));
      const expected = ids.filter((_, i) => i % 3 === 0 && i % 2 === 0).reverse();
      expect(filtered.hits.map((hit) => hit.id)).toEqual(expected.slice(0, 20));
      expect(filtered.facets.type.map((v) => v.value).sort()).toEqual([...TYPES].sort());

      // Relevance over a large result is ranked within the sample: still matches, a full page.
      const ranked = await sampled.search(query({ q: 'kompasroos' }, 'relevance'));
      expect(ranked.estimated).toBe(true);
      expect(ranked.hits).toHaveLength(20);
      for (const hit of ranked.hits) expect(ids).toContain(hit.id);

      // Filters alone and a rare word stay exact.
      const rare = await sampled.search(query({ q: 'kompasroos 7' }, 'relevance'));
      expect(rare.estimated).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('reads samples of one in 8 and in 64 from their partial indexes, whose conditions are exactly the markers z3 and z6', async () => {
    const t = await startTestApp();
    try {
      // The condition added to a sampled search holds for a document exactly when it has the marker.
      for (const [depth, marker] of [[3, 'z3'], [6, 'z6']] as const) {
        const condition = sampleIndexCondition(depth).replace(/ AND$/, '');
        const rows = await t.sql<{ disagreeing: number; sampled: number }>(
          `SELECT count(*) FILTER (WHERE (${condition}) <> (search_facet_vector('{}', '{}', 'video', 'nl', 'CC-BY', NULL, NULL, false, false, d."resourceId") @@ $1::tsquery))::int AS disagreeing,
                  count(*) FILTER (WHERE ${condition})::int AS sampled
             FROM (SELECT gen_random_uuid() AS "resourceId" FROM generate_series(1, 20000)) d`,
          [marker],
        );
        expect(rows[0]!.disagreeing).toBe(0);
        expect(rows[0]!.sampled).toBeGreaterThan(20000 / 2 ** depth / 2);
        expect(rows[0]!.sampled).toBeLessThan((20000 / 2 ** depth) * 2);
      }
      // Deeper samples use the deepest index that covers them; shallower ones none.
      expect(sampleIndexCondition(2)).toBe('');
      expect(sampleIndexCondition(5)).toBe(sampleIndexCondition(3));
      expect(sampleIndexCondition(10)).toBe(sampleIndexCondition(6));
      // PostgreSQL recognises the condition as the index's predicate.
      const client = new pg.Client({ connectionString: t.databaseUrl });
      await client.connect();
      try {
        await client.query('SET enable_seqscan = off');
        for (const [depth, index] of [[4, 'SearchDocument_sample8_idx'], [7, 'SearchDocument_sample64_idx']] as const) {
          const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT 1 FROM "SearchDocument" d WHERE ${sampleIndexCondition(depth)} d."facetVector" @@ 'z${depth}'::tsquery`);
          expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain(index);
        }
      } finally {
        await client.end();
      }
    } finally {
      await t.close();
    }
  });

  it('writes the same age bands into the facet lexemes as the contracts define', async () => {
    const t = await startTestApp();
    try {
      for (const [band, { min, max }] of Object.entries(AGE_BANDS)) {
        for (const [ageMin, ageMax] of [
          [min, min],
          [max, max],
        ]) {
          const rows = await t.sql<{ lexemes: string[] }>(
            `SELECT tsvector_to_array(search_facet_vector('{}', '{}', 'video', 'nl', 'CC-BY', $1, $2, false, false, gen_random_uuid())) AS lexemes`,
            [ageMin, ageMax],
          );
          expect(rows[0]!.lexemes.filter((lexeme) => lexeme.startsWith('a:'))).toEqual([`a:${band}`]);
        }
      }
    } finally {
      await t.close();
    }
  });
});
