import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient, moderatorClient } from './factories/members.js';
import { publishedLinkResource } from './factories/resources.js';
import type { HttpClient } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
  admin = await moderatorClient(t, 'admin');
});
afterAll(() => t.close());

const searchTitles = async (q: string) => ((await t.client().get(`/api/search?q=${encodeURIComponent(q)}`)).body.items as { title: string }[]).map((hit) => hit.title);

describe('taxonomy management', () => {
  it('adds, renames (re-indexing its resources), moves and deletes subjects', async () => {
    const { client } = await memberWithClient(t);
    await publishedLinkResource(client, { title: 'Tafels oefenen met dobbelstenen', subjects: ['wiskunde'] });

    const created = await admin.post('/api/admin/taxonomy/subjects', { key: 'kansrekenen', nameNl: 'Kansrekenen', nameEn: 'Probability', parentKey: 'wiskunde' });
    expect(created.status).toBe(201);
    expect(created.body.subjects.find((s: { key: string }) => s.key === 'kansrekenen')).toEqual({ key: 'kansrekenen', nameNl: 'Kansrekenen', nameEn: 'Probability', parentKey: 'wiskunde' });
    expect((await t.client().get('/api/taxonomy')).body.subjects.map((s: { key: string }) => s.key)).toContain('kansrekenen');
    expect((await admin.post('/api/admin/taxonomy/subjects', { key: 'kansrekenen', nameNl: 'Dubbel', nameEn: 'Double' })).status).toBe(409);
    expect((await admin.post('/api/admin/taxonomy/subjects', { key: 'los', nameNl: 'Los', nameEn: 'Loose', parentKey: 'bestaat-niet' })).status).toBe(400);

    // Renaming re-indexes the resources that carry the subject: the new name finds them.
    expect((await admin.patch('/api/admin/taxonomy/subjects/wiskunde', { nameNl: 'Rekenkunde' })).status).toBe(200);
    await expect.poll(() => searchTitles('rekenkunde'), { timeout: 20_000, interval: 250 }).toContain('Tafels oefenen met dobbelstenen');

    // No loops in the tree.
    expect((await admin.patch('/api/admin/taxonomy/subjects/wiskunde', { parentKey: 'kansrekenen' })).status).toBe(400);
    expect((await admin.patch('/api/admin/taxonomy/subjects/wiskunde', { parentKey: 'wiskunde' })).status).toBe(400);

    // In use: not deleted. Unused: deleted.
    expect((await admin.delete('/api/admin/taxonomy/subjects/wiskunde')).status).toBe(409);
    expect((await admin.delete('/api/admin/taxonomy/subjects/kansrekenen')).status).toBe(200);
    expect((await admin.delete('/api/admin/taxonomy/subjects/kansrekenen')).status).toBe(404);

    const audit = (await admin.get('/api/admin/audit?action=taxonomy.')).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['taxonomy.subject_deleted', 'taxonomy.subject_changed', 'taxonomy.subject_created']);
  });

  it('manages education levels with their ages', async () => {
    const created = await admin.post('/api/admin/taxonomy/levels', { key: 'avondleren', nameNl: 'Onthaalklas anderstalige nieuwkomers', nameEn: 'Reception class for newcomers', minAge: 12, maxAge: 18, parentKey: 'secundair' });
    expect(created.status).toBe(201);
    expect(created.body.levels.find((l: { key: string }) => l.key === 'avondleren')).toMatchObject({ minAge: 12, maxAge: 18, parentKey: 'secundair' });
    expect((await admin.post('/api/admin/taxonomy/levels', { key: 'fout', nameNl: 'Fout', nameEn: 'Wrong', minAge: 12, maxAge: 6 })).status).toBe(400);
    expect((await admin.patch('/api/admin/taxonomy/levels/avondleren', { minAge: 30 })).status).toBe(400);
    expect((await admin.patch('/api/admin/taxonomy/levels/avondleren', { maxAge: 21 })).body.levels.find((l: { key: string }) => l.key === 'avondleren').maxAge).toBe(21);
    expect((await admin.patch('/api/admin/taxonomy/levels/bestaat-niet', { maxAge: 21 })).status).toBe(404);
    expect((await admin.delete('/api/admin/taxonomy/levels/avondleren')).status).toBe(200);
  });

  it('replaces the search synonyms, which searches use at once', async () => {
    const { client } = await memberWithClient(t);
    await publishedLinkResource(client, { title: 'Balspelen in de turnzaal', keywords: ['lichamelijke opvoeding'] });
    await expect.poll(() => searchTitles('balspelen'), { timeout: 20_000, interval: 250 }).toContain('Balspelen in de turnzaal');
    expect(await searchTitles('gymkwartier')).not.toContain('Balspelen in de turnzaal');

    const before = (await admin.get('/api/admin/search-synonyms')).body.groups as string[][];
    expect(before.length).toBeGreaterThan(0);
    const replaced = await admin.put('/api/admin/search-synonyms', { groups: [...before, ['Gymkwartier', 'turnzaal']] });
    expect(replaced.status).toBe(200);
    expect(replaced.body.groups.at(-1)).toEqual(['gymkwartier', 'turnzaal']);
    expect(await searchTitles('gymkwartier')).toContain('Balspelen in de turnzaal');
    expect((await admin.put('/api/admin/search-synonyms', { groups: [['alleen']] })).status).toBe(400);
  });

  it('is for admins only and refuses bad input', async () => {
    const { client: member } = await memberWithClient(t);
    const moderator = await moderatorClient(t);
    const subject = { key: 'nieuw', nameNl: 'Nieuw', nameEn: 'New' };
    expect((await t.client().post('/api/admin/taxonomy/subjects', subject)).status).toBe(401);
    expect((await member.post('/api/admin/taxonomy/subjects', subject)).status).toBe(403);
    expect((await moderator.post('/api/admin/taxonomy/subjects', subject)).status).toBe(403);
    expect((await moderator.get('/api/admin/search-synonyms')).status).toBe(403);
    expect((await admin.post('/api/admin/taxonomy/subjects', { ...subject, key: 'Met Spaties' })).status).toBe(400);
    expect((await admin.post('/api/admin/taxonomy/subjects', { ...subject, nameNl: '' })).status).toBe(400);
    expect((await admin.patch('/api/admin/taxonomy/subjects/wiskunde', {})).status).toBe(400);
    expect((await admin.patch('/api/admin/taxonomy/subjects/NIET%20GELDIG', { nameNl: 'x' })).status).toBe(400);
  });
});
