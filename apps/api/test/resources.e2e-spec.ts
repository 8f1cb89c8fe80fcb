import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient, moderatorClient } from './factories/members.js';
import { createResource, publishedLinkResource } from './factories/resources.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import type { Response } from './support/http-client.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

describe('creating and editing resources', () => {
  it('creates a draft with taxonomy, renders the description safely and builds the attribution', async () => {
    const { member, client } = await memberWithClient(t, { firstName: 'An', lastName: 'Peeters' });
    const response = await client.post('/api/resources', {
      title: 'Breuken oefenen',
      description: 'Oefen **breuken**. <script>alert(1)</script>',
      type: 'worksheet',
      licence: 'CC-BY',
      subjects: ['wiskunde'],
      levels: ['lager-4'],
      ageMin: 9,
      ageMax: 10,
      keywords: ['breuken'],
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ state: 'draft', language: 'nl', author: { handle: member.handle, displayName: 'An Peeters' }, permissions: { edit: true, remove: true, hide: false } });
    expect(response.body.descriptionHtml).toContain('<strong>breuken</strong>');
    expect(response.body.descriptionHtml).not.toContain('<script');
    expect(response.body.attribution).toMatch(/^„Breuken oefenen” door An Peeters, via Lesplein \(http:\/\/localhost:5173\/resources\/[0-9a-f-]+\), CC BY 4\.0/);

    const edited = await client.patch(`/api/resources/${response.body.id}`, { title: 'Breuken oefenen (herwerkt)', levels: ['lager-4', 'lager-5'] });
    expect(edited.status).toBe(200);
    expect(edited.body.title).toBe('Breuken oefenen (herwerkt)');
    expect(edited.body.levels.sort()).toEqual(['lager-4', 'lager-5']);
  });

  it('refuses bad input with problem details and saves nothing', async () => {
    const { member, client } = await memberWithClient(t);
    const base = { title: 'Geldige titel', type: 'document', licence: 'CC0' };
    const bad = [
      { ...base, title: 'x' },
      { ...base, licence: 'GPL' },
      { ...base, type: 'podcast' },
      { ...base, subjects: ['bestaat-niet'] },
      { ...base, ageMin: 12, ageMax: 8 },
      { ...base, link: 'ftp://example.org/file' },
      { ...base, authorId: member.id },
      { ...base, language: 'nederlands' },
    ];
    for (const body of bad) {
      const response = await client.post('/api/resources', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('validation_failed');
    }
    expect(await t.sql('SELECT 1 FROM "Resource" WHERE "authorId" = $1', [member.id])).toHaveLength(0);
    expect((await client.get('/api/resources/not-a-uuid')).status).toBe(400);
    expect((await client.get('/api/resources/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('publishes only with a file or a link, and shows YouTube links as privacy-friendly embeds', async () => {
    const { client } = await memberWithClient(t);
    const draft = await createResource(client, { type: 'video' });
    const refused = await client.post(`/api/resources/${draft.id}/publish`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('files');
    await client.patch(`/api/resources/${draft.id}`, { link: 'https://youtu.be/dQw4w9WgXcQ' });
    const published = await client.post(`/api/resources/${draft.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ state: 'published', embed: { provider: 'youtube', embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' } });
    expect(published.body.publishedAt).not.toBeNull();
    expect((await client.post(`/api/resources/${draft.id}/publish`)).status).toBe(409);
    const back = await client.post(`/api/resources/${draft.id}/unpublish`);
    expect(back.body.state).toBe('draft');
  });
});

describe('authorisation matrix: author, other member, moderator, visitor', () => {
  it('read draft: only the author', async () => {
    const { client: author } = await memberWithClient(t);
    const draft = await createResource(author);
    const { client: other } = await memberWithClient(t);
    const moderator = await moderatorClient(t);
    expect((await author.get(`/api/resources/${draft.id}`)).status).toBe(200);
    expect((await other.get(`/api/resources/${draft.id}`)).status).toBe(404);
    expect((await moderator.get(`/api/resources/${draft.id}`)).status).toBe(404);
    expect((await t.client().get(`/api/resources/${draft.id}`)).status).toBe(404);
  });

  it('edit: only the author (others get 403 on a published resource and 404 on a draft)', async () => {
    const { client: author } = await memberWithClient(t);
    const draft = await createResource(author);
    const published = await publishedLinkResource(author);
    const { client: other } = await memberWithClient(t);
    const moderator = await moderatorClient(t);
    const change = { title: 'Overgenomen titel' };
    expect((await other.patch(`/api/resources/${draft.id}`, change)).status).toBe(404);
    expect((await other.patch(`/api/resources/${published.id}`, change)).status).toBe(403);
    expect((await moderator.patch(`/api/resources/${published.id}`, change)).status).toBe(403);
    expect((await t.client().patch(`/api/resources/${published.id}`, change)).status).toBe(401);
    expect((await author.patch(`/api/resources/${published.id}`, change)).status).toBe(200);
    expect((await other.get(`/api/resources/${published.id}`)).body.permissions).toEqual({ edit: false, remove: false, hide: false });
  });

  it('remove: only the author; afterwards nobody finds it', async () => {
    const { client: author } = await memberWithClient(t);
    const published = await publishedLinkResource(author);
    const { client: other } = await memberWithClient(t);
    const moderator = await moderatorClient(t);
    expect((await other.delete(`/api/resources/${published.id}`)).status).toBe(403);
    expect((await moderator.delete(`/api/resources/${published.id}`)).status).toBe(403);
    expect((await t.client().delete(`/api/resources/${published.id}`)).status).toBe(401);
    expect((await author.delete(`/api/resources/${published.id}`)).status).toBe(200);
    expect((await author.get(`/api/resources/${published.id}`)).status).toBe(404);
    expect((await t.client().get(`/api/resources/${published.id}`)).status).toBe(404);
    expect((await author.delete(`/api/resources/${published.id}`)).status).toBe(404);
  });

  it('hide: only moderators; the author still sees it with the reason, visitors do not', async () => {
    const { client: author } = await memberWithClient(t);
    const published = await publishedLinkResource(author);
    const { client: other } = await memberWithClient(t);
    const moderator = await moderatorClient(t);
    const reason = { reason: 'Schendt auteursrecht van een uitgeverij' };
    expect((await author.post(`/api/resources/${published.id}/hide`, reason)).status).toBe(403);
    expect((await other.post(`/api/resources/${published.id}/hide`, reason)).status).toBe(403);
    expect((await t.client().post(`/api/resources/${published.id}/hide`, reason)).status).toBe(401);
    expect((await moderator.post(`/api/resources/${published.id}/hide`, { reason: '' })).status).toBe(400);
    const hidden = await moderator.post(`/api/resources/${published.id}/hide`, reason);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ state: 'hidden', hiddenReason: reason.reason });
    expect((await t.client().get(`/api/resources/${published.id}`)).status).toBe(404);
    expect((await other.get(`/api/resources/${published.id}`)).status).toBe(404);
    expect((await author.get(`/api/resources/${published.id}`)).body).toMatchObject({ state: 'hidden', hiddenReason: reason.reason });
    const restored = await moderator.post(`/api/resources/${published.id}/unhide`);
    expect(restored.body.state).toBe('published');
    expect((await moderator.post('/api/resources/00000000-0000-4000-8000-000000000000/hide', reason)).status).toBe(404);
  });
});

describe('views, history and lists', () => {
  it('counts views (not the author’s own, not a member’s repeat within half an hour) and keeps members’ history, which they can delete and pause', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author, { title: 'Wereldoriëntatie: de tijdlijn' });
    const other = await publishedLinkResource(author, { title: 'Tweede leermiddel' });
    const { client: reader } = await memberWithClient(t);
    await author.get(`/api/resources/${resource.id}`);
    await t.client().get(`/api/resources/${resource.id}`);
    await reader.get(`/api/resources/${resource.id}`);
    const repeat = await reader.get(`/api/resources/${resource.id}`);
    expect(repeat.body.counts.views).toBe(2);
    await reader.get(`/api/resources/${other.id}`);

    const history = await reader.get('/api/account/viewed');
    expect(history.status).toBe(200);
    expect(history.body.items.map((item: { resource: { title: string } }) => item.resource.title)).toEqual(['Tweede leermiddel', 'Wereldoriëntatie: de tijdlijn']);
    expect((await reader.delete(`/api/account/viewed/${history.body.items[0].id}`)).status).toBe(200);
    expect((await reader.get('/api/account/viewed')).body.items).toHaveLength(1);
    const { client: stranger } = await memberWithClient(t);
    expect((await stranger.delete(`/api/account/viewed/${history.body.items[1].id}`)).status).toBe(404);
    expect((await reader.delete('/api/account/viewed/abc')).status).toBe(400);

    expect((await reader.put('/api/account/viewed-settings', { paused: true })).body).toEqual({ paused: true });
    await reader.get(`/api/resources/${other.id}`);
    expect((await reader.get('/api/account/viewed')).body.items).toHaveLength(1);
    expect((await reader.delete('/api/account/viewed')).body).toEqual({ deleted: 1 });
    expect((await reader.get('/api/account/viewed')).body.items).toHaveLength(0);
    expect((await reader.put('/api/account/viewed-settings', { paused: 'yes' })).status).toBe(400);
    expect((await t.client().get('/api/account/viewed')).status).toBe(401);
  });

  it('lists my resources by state with cursor pagination, and the latest published ones for everyone', async () => {
    const { client } = await memberWithClient(t);
    for (let i = 0; i < 3; i++) await createResource(client, { title: `Ontwerp ${i}` });
    const published = await publishedLinkResource(client, { title: 'Gepubliceerd werkblad' });
    const first = await client.get('/api/account/resources?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await client.get(`/api/account/resources?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const drafts = await client.get('/api/account/resources?state=draft');
    expect(drafts.body.items.map((r: { title: string }) => r.title).sort()).toEqual(['Ontwerp 0', 'Ontwerp 1', 'Ontwerp 2']);
    expect((await client.get('/api/account/resources?state=removed')).status).toBe(400);
    expect((await client.get('/api/account/resources?cursor=garbage')).status).toBe(400);
    const latest = await t.client().get('/api/resources?limit=50');
    expect(latest.body.items.some((r: { id: string }) => r.id === published.id)).toBe(true);
    expect(latest.body.items.every((r: { state: string }) => r.state === 'published')).toBe(true);
  });

  it('pages through the latest published resources, newest first, each once, with author, taxonomy and files', async () => {
    const { client } = await memberWithClient(t, { firstName: 'Pagina', lastName: 'Lezer' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await publishedLinkResource(client, { title: `Reeks ${i}` })).id);
    // Two published in the same millisecond: the id breaks the tie.
    await t.sql(`UPDATE "Resource" SET "publishedAt" = (SELECT "publishedAt" FROM "Resource" WHERE id = $1) WHERE id = $2`, [ids[3], ids[4]]);
    const seen: Array<{ id: string; publishedAt: string; author: { displayName: string } | null; subjects: string[] }> = [];
    let cursor: string | null = null;
    do {
      const page: Response = await t.client().get(`/api/resources?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const ours = seen.filter((r) => ids.includes(r.id));
    expect(ours).toHaveLength(5);
    expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
    const order = seen.map((r) => Date.parse(r.publishedAt));
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(ours[0]).toMatchObject({ author: { displayName: 'Pagina Lezer' }, subjects: ['wiskunde'] });
    const detail = await t.client().get(`/api/resources/${ids[0]}`);
    expect(detail.body).toMatchObject({ id: ids[0], author: { handle: expect.any(String) }, levels: ['lager-4'], files: [] });
  });
});
