import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../../src/modules/taxonomy/taxonomy.service.js';
import { createMember } from '../factories/members.js';
import { exitCode, runEntry } from '../support/processes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { insertResource } from './corpus.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

describe('npm run cli -- search:reindex', () => {
  it('rebuilds the index from the database with progress, dropping what is no longer published', { timeout: 120_000 }, async () => {
    const author = await createMember(t, { firstName: 'Herbouw', lastName: 'Index' });
    // Written straight into the database: no outbox job, so not indexed yet.
    const published: string[] = [];
    for (let i = 0; i < 12; i++) published.push(await insertResource(t, author.id, { title: `Herindexeren oefening ${i}`, subjects: ['wiskunde'] }));
    const hidden = await insertResource(t, author.id, { title: 'Herindexeren verborgen', subjects: ['wiskunde'] });
    await t.sql(`INSERT INTO "SearchDocument" ("resourceId", title, description, keywords, subjects, "subjectLabels", levels, "levelLabels", type, language, licence, "hasFile", "hasLink", "publishedAt", "ratingCount", "viewCount", "favouriteCount")
                 VALUES ($1, 'Herindexeren verborgen', '', '{}', '{}', '{}', '{}', '{}', 'document', 'nl', 'CC-BY', false, true, now(), 0, 0, 0)`, [hidden]);
    await t.sql(`UPDATE "Resource" SET state = 'hidden' WHERE id = $1`, [hidden]);
    expect((await t.client().get('/api/search?q=herindexeren')).body.total).toBe(0);

    const child = runEntry('cli', ['search:reindex'], { DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent' });
    const code = await exitCode(child);
    const output = child.output();
    expect(code, output).toBe(0);
    expect(output).toMatch(/Indexed 0\/12 resources \(0%\)/);
    expect(output).toMatch(/Indexed 12\/12 resources \(100%\)/);
    expect(JSON.parse(output.trim().split('\n').at(-1)!)).toEqual({ indexed: 12 });

    const results = (await t.client().get('/api/search?q=herindexeren&limit=50')).body;
    expect(results.total).toBe(12);
    expect(new Set(results.items.map((item: { id: string }) => item.id))).toEqual(new Set(published));
    expect(await t.sql(`SELECT count(*)::int AS n FROM "SearchDocument" WHERE "resourceId" = $1`, [hidden])).toEqual([{ n: 0 }]);
    expect(await t.sql(`SELECT "documentCount" FROM "SearchTerm" WHERE term = 'herindexeren'`)).toEqual([{ documentCount: 12 }]);
  });
});
