import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine } from '../../src/modules/search/engine/search-engine.js';
import { SearchDocumentsRepository } from '../../src/modules/search/indexing/search-documents.repository.js';
import { TaxonomyService } from '../../src/modules/taxonomy/taxonomy.service.js';
import { createMember } from '../factories/members.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { insertResource } from './corpus.js';
import type { EngineUnderTest } from './engine-contract.js';

/** Every id the engine returns for an empty query, over all pages. */
async function everything(engine: SearchEngine): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await engine.search({ filters: { q: '', subject: [], level: [], type: [], language: [], licence: [], age: [], media: [] }, sort: 'newest', limit: 50, ...(cursor ? { cursor } : {}) });
    seen.push(...page.hits.map((hit) => hit.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen.sort();
}

/**
 * The database's own visibility rule (state = published) and an engine agree on one dataset with
 * drafts, hidden, removed and published resources and an author who deleted their account.
 */
export function visibilityAgreement(name: string, makeEngine: (t: TestApp) => Promise<EngineUnderTest>): void {
  describe(`visibility agreement: ${name}`, () => {
    let t: TestApp;
    let under: EngineUnderTest;
    const all: string[] = [];
    let hidden = '';
    let orphan = '';

    /** The indexer's rule: sync every resource from its current database state. */
    const sync = async (ids: string[]) => {
      const documents = t.app.get(SearchDocumentsRepository);
      const published = await documents.withIndexingLocks(ids, (tx) => documents.findPublished(tx, ids));
      await under.engine.upsert(published);
      await under.engine.remove(ids.filter((id) => !published.some((d) => d.id === id)));
    };

    beforeAll(async () => {
      t = await startTestApp();
      await t.app.get(TaxonomyService).seedIfEmpty();
      under = await makeEngine(t);
      await under.engine.applySettings();
      const author = await createMember(t, { firstName: 'Zichtbaar', lastName: 'Auteur' });
      const leaving = await createMember(t, { firstName: 'Vertrekkende', lastName: 'Collega' });
      const states = ['published', 'published', 'published', 'draft', 'hidden', 'removed', 'draft', 'hidden'] as const;
      for (const [i, state] of states.entries()) all.push(await insertResource(t, author.id, { title: `Zichtbaarheid ${i} ${state}`, state, subjects: ['wiskunde'] }));
      hidden = all[4]!;
      orphan = await insertResource(t, leaving.id, { title: 'Zichtbaarheid van een vertrokken auteur', subjects: ['wiskunde'] });
      all.push(orphan);
      // Everything is indexed while published (as if each was published once) …
      await t.sql(`UPDATE "Resource" SET state = 'published' WHERE id = ANY($1::uuid[])`, [all]);
      await sync(all);
      // … then drafts, hidden and removed ones change state, and an author deletes their account.
      for (const [i, state] of states.entries()) await t.sql(`UPDATE "Resource" SET state = $2::"ResourceState" WHERE id = $1`, [all[i], state]);
      await t.sql(`DELETE FROM "Member" WHERE id = $1`, [leaving.id]);
      await sync(all);
    }, 120_000);
    afterAll(async () => {
      await under?.close?.();
      await t?.close();
    });

    it('returns exactly the resources the database says are published', async () => {
      const rule = (await t.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE state = 'published' ORDER BY id`)).map((row) => row.id);
      expect(rule).toHaveLength(4);
      expect(await everything(under.engine)).toEqual(rule);
    });

    it('keeps the resource of a deleted account without the author name', async () => {
      const byName = await under.engine.search({ filters: { q: 'Vertrekkende Collega', subject: [], level: [], type: [], language: [], licence: [], age: [], media: [] }, sort: 'relevance', limit: 10 });
      expect(byName.hits.map((hit) => hit.id)).not.toContain(orphan);
      expect(await everything(under.engine)).toContain(orphan);
    });

    it('still agrees after syncing everything again, in another order', async () => {
      await sync([...all].reverse());
      const rule = (await t.sql<{ id: string }>(`SELECT id FROM "Resource" WHERE state = 'published' ORDER BY id`)).map((row) => row.id);
      expect(await everything(under.engine)).toEqual(rule);
      expect(rule).not.toContain(hidden);
    });
  });
}
