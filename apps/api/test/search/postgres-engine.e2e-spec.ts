import { SEARCH_ENGINE, type SearchEngine } from '../../src/modules/search/engine/search-engine.js';
import { SearchFilters } from '@lesplein/contracts/search';
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
