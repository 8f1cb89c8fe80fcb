import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_LAG_MS, SavedSearchAlertsService } from '../src/modules/search/activity/saved-search-alerts.service.js';
import { SearchIndexer } from '../src/modules/search/indexing/search-indexer.js';
import { MAX_SAVED_SEARCHES } from '../src/modules/search/activity/saved-searches.service.js';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient } from './factories/members.js';
import { createResource, publishedLinkResource } from './factories/resources.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let alerts: SavedSearchAlertsService;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
  alerts = t.app.get(SavedSearchAlertsService);
});
afterAll(() => t.close());

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';
/** Brings the search index in step with every resource (as the indexing jobs do). */
const indexAll = async () => t.app.get(SearchIndexer).sync((await t.sql<{ id: string }>('SELECT id FROM "Resource"')).map((row) => row.id));
/** A run that looks at everything published and indexed until this moment (as a real run does once the alert lag has passed). */
const runAlerts = async () => {
  await indexAll();
  return alerts.run(new Date(Date.now() + ALERT_LAG_MS));
};
const notificationsFor = async (memberId: string) => t.sql<{ type: string; matchCount: number }>(`SELECT type, "matchCount" FROM "Notification" WHERE "recipientId" = $1 AND type = 'saved_search_match'`, [memberId]);

describe('saved searches', () => {
  it('saves, lists, renames, switches the alert and deletes a member’s searches', async () => {
    const { client } = await memberWithClient(t);
    const created = await client.post('/api/account/saved-searches', { name: ' Breuken ', filters: { q: 'breuken ', subject: ['wiskunde'], type: ['worksheet', 'exercise', 'worksheet'] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Breuken',
      filters: { q: 'breuken', subject: ['wiskunde'], level: [], type: ['exercise', 'worksheet'], language: [], licence: [], age: [], media: [] },
      alert: true,
      lastAlertedAt: null,
    });
    const second = await client.post('/api/account/saved-searches', { name: 'Frans', filters: { subject: ['frans'] }, alert: false });
    expect(second.body.alert).toBe(false);

    const list = await client.get('/api/account/saved-searches');
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { name: string }) => item.name)).toEqual(['Frans', 'Breuken']);

    const renamed = await client.patch(`/api/account/saved-searches/${created.body.id}`, { name: 'Breuken L4', alert: false });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: created.body.id, name: 'Breuken L4', alert: false, filters: { q: 'breuken' } });
    const refiltered = await client.patch(`/api/account/saved-searches/${created.body.id}`, { filters: { q: 'kommagetallen' } });
    expect(refiltered.body).toMatchObject({ name: 'Breuken L4', filters: { q: 'kommagetallen', subject: [] } });

    expect((await client.delete(`/api/account/saved-searches/${second.body.id}`)).body).toEqual({ ok: true });
    expect((await client.delete(`/api/account/saved-searches/${second.body.id}`)).status).toBe(404);
    expect((await client.get('/api/account/saved-searches')).body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
  });

  it('answers 404 for another member’s saved search and for unknown ones', async () => {
    const { client: owner } = await memberWithClient(t);
    const saved = (await owner.post('/api/account/saved-searches', { name: 'Mijn zoektocht', filters: { q: 'geheim' } })).body as { id: string };
    const { client: stranger } = await memberWithClient(t);
    expect((await stranger.get('/api/account/saved-searches')).body).toEqual({ items: [] });
    for (const response of [
      await stranger.patch(`/api/account/saved-searches/${saved.id}`, { name: 'Van mij' }),
      await stranger.delete(`/api/account/saved-searches/${saved.id}`),
      await owner.patch(`/api/account/saved-searches/${UNKNOWN}`, { name: 'Niets' }),
      await owner.delete(`/api/account/saved-searches/${UNKNOWN}`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('not_found');
    }
    expect((await owner.get('/api/account/saved-searches')).body.items).toMatchObject([{ name: 'Mijn zoektocht' }]);
  });

  it('refuses bad input with 400 problem+json and visitors with 401', async () => {
    const { client } = await memberWithClient(t);
    const saved = (await client.post('/api/account/saved-searches', { name: 'Goed', filters: {}, alert: false })).body as { id: string };
    for (const response of [
      await client.post('/api/account/saved-searches', { filters: { q: 'zonder naam' } }),
      await client.post('/api/account/saved-searches', { name: '   ', filters: {} }),
      await client.post('/api/account/saved-searches', { name: 'x'.repeat(101), filters: {} }),
      await client.post('/api/account/saved-searches', { name: 'Type', filters: { type: ['nope'] } }),
      await client.post('/api/account/saved-searches', { name: 'Onbekend', filters: { colour: 'red' } }),
      await client.post('/api/account/saved-searches', { name: 'Extra', filters: {}, extra: true }),
      await client.post('/api/account/saved-searches', { name: 'Lang', filters: { q: 'a'.repeat(201) } }),
      await client.patch(`/api/account/saved-searches/${saved.id}`, { alert: 'ja' }),
      await client.patch('/api/account/saved-searches/not-a-uuid', { name: 'X' }),
      await client.delete('/api/account/saved-searches/not-a-uuid'),
    ]) {
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('validation_failed');
    }
    const visitor = t.client();
    expect((await visitor.get('/api/account/saved-searches')).status).toBe(401);
    expect((await visitor.post('/api/account/saved-searches', { name: 'X', filters: {} })).status).toBe(401);
    expect((await visitor.patch(`/api/account/saved-searches/${saved.id}`, { name: 'X' })).status).toBe(401);
    expect((await visitor.delete(`/api/account/saved-searches/${saved.id}`)).body.code).toBe('unauthenticated');
  });

  it(`keeps at most ${MAX_SAVED_SEARCHES} saved searches per member`, async () => {
    const { member, client } = await memberWithClient(t);
    await t.sql(`INSERT INTO "SavedSearch" (id, "memberId", name, filters, alert, "updatedAt") SELECT gen_random_uuid(), $1, 'zoekopdracht ' || n, '{}'::jsonb, false, now() FROM generate_series(1, $2::int) n`, [member.id, MAX_SAVED_SEARCHES - 1]);
    expect((await client.post('/api/account/saved-searches', { name: 'De laatste', filters: {}, alert: false })).status).toBe(201);
    const refused = await client.post('/api/account/saved-searches', { name: 'Eén te veel', filters: {} });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('too_many_saved_searches');
    // Another member is not affected.
    const { client: other } = await memberWithClient(t);
    expect((await other.post('/api/account/saved-searches', { name: 'Eerste', filters: {}, alert: false })).status).toBe(201);
  });
});

describe('rate limit', () => {
  it('answers 429 after 60 attempts to save a search in an hour from one client', async () => {
    const { client } = await memberWithClient(t);
    for (let i = 0; i < 60; i++) expect((await client.post('/api/account/saved-searches', { name: `Zoekopdracht ${i}`, filters: {}, alert: false })).status).toBe(i < MAX_SAVED_SEARCHES ? 201 : 409);
    const over = await client.post('/api/account/saved-searches', { name: 'Eén te veel', filters: {}, alert: false });
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('rate_limited');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('saved-search alerts', () => {
  it('notifies new matches once per run and saved search: e-mail for one member, in the app for another, nothing twice', async () => {
    const { member: author, client: authorClient } = await memberWithClient(t, { firstName: 'Ann', lastName: 'Auteur' });
    // Published before anyone saved the search: not new.
    await publishedLinkResource(authorClient, { title: 'Breuken van vroeger' });

    const { member: mailed, client: mailedClient } = await memberWithClient(t);
    const { member: inApp, client: inAppClient } = await memberWithClient(t);
    expect((await inAppClient.put('/api/account/notification-preferences', { preferences: { saved_search_match: 'in_app' } })).status).toBe(200);
    const filters = { q: 'breuken', subject: ['wiskunde'] };
    const mailedSearch = (await mailedClient.post('/api/account/saved-searches', { name: 'Breuken', filters })).body as { id: string };
    const inAppSearch = (await inAppClient.post('/api/account/saved-searches', { name: 'Breuken (app)', filters })).body as { id: string };
    // An alert switched off, and the author's own saved search: no notification for either.
    const { member: quiet, client: quietClient } = await memberWithClient(t);
    await quietClient.post('/api/account/saved-searches', { name: 'Stil', filters, alert: false });
    await authorClient.post('/api/account/saved-searches', { name: 'Eigen werk', filters });

    await publishedLinkResource(authorClient, { title: 'Breuken vergelijken' });
    await publishedLinkResource(authorClient, { title: 'Spelling: de werkwoorden', description: 'Werkwoorden vervoegen.', keywords: ['spelling'], subjects: ['nederlands'] });
    await publishedLinkResource(authorClient, { title: 'Breuken in de keuken', subjects: ['frans'] });
    await createResource(authorClient, { title: 'Breuken (concept)' });
    const newest = await publishedLinkResource(authorClient, { title: 'Breuken vereenvoudigen', description: 'Stap voor stap.' });

    await runAlerts();

    const mail = await t.mail.waitFor(mailed.email, /nieuwe leermiddelen voor je zoekopdracht/);
    expect(mail.subject).toBe('2 nieuwe leermiddelen voor je zoekopdracht „Breuken”, waaronder „Breuken vereenvoudigen”');
    expect(mail.text).toContain('http://localhost:5173/search?q=breuken&subject=wiskunde&sort=newest');
    expect(mail.text).not.toContain(author.email);
    expect(mail.rawHeaders['list-unsubscribe']).toMatch(/unsubscribe\?token=/);

    const inbox = await inAppClient.get('/api/notifications');
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0]).toMatchObject({
      type: 'saved_search_match',
      read: false,
      resource: { id: newest.id, title: 'Breuken vereenvoudigen' },
      savedSearch: { id: inAppSearch.id, name: 'Breuken (app)', matches: 2 },
      path: '/search?q=breuken&subject=wiskunde&sort=newest',
    });
    const mailedInbox = await mailedClient.get('/api/notifications');
    expect(mailedInbox.body.items[0]).toMatchObject({ type: 'saved_search_match', savedSearch: { id: mailedSearch.id, matches: 2 } });
    expect(t.mail.all().filter((m) => m.to.includes(inApp.email.toLowerCase()))).toHaveLength(0);
    expect(await notificationsFor(quiet.id)).toEqual([]);
    expect(await notificationsFor(author.id)).toEqual([]);
    const listed = (await mailedClient.get('/api/account/saved-searches')).body.items[0];
    expect(listed.lastAlertedAt).toEqual(expect.any(String));

    // A second run finds nothing new: no notification, so no mail either.
    await runAlerts();
    expect(await notificationsFor(mailed.id)).toEqual([{ type: 'saved_search_match', matchCount: 2 }]);
    expect(await notificationsFor(inApp.id)).toEqual([{ type: 'saved_search_match', matchCount: 2 }]);
    expect((await mailedClient.get('/api/account/saved-searches')).body.items[0].lastAlertedAt).toBe(listed.lastAlertedAt);

    // Something published later is announced by the next run, on its own.
    await publishedLinkResource(authorClient, { title: 'Breuken en procenten' });
    // A run right now leaves it for later: its transaction or indexing might not be visible yet.
    await indexAll();
    await alerts.run();
    expect((await inAppClient.get('/api/notifications')).body.items).toHaveLength(1);
    await runAlerts();
    const single = await inAppClient.get('/api/notifications');
    expect(single.body.items[0]).toMatchObject({ resource: { title: 'Breuken en procenten' }, savedSearch: { matches: 1 } });
    await t.mail.waitFor(mailed.email, /^Nieuw voor je zoekopdracht „Breuken”: „Breuken en procenten”$/);
    await runAlerts();
  });

  it('starts over from the change when the filters change or the alert is switched back on', async () => {
    const { client: authorClient } = await memberWithClient(t);
    const { member, client } = await memberWithClient(t);
    const saved = (await client.post('/api/account/saved-searches', { name: 'Kommagetallen', filters: { q: 'kommagetallen' }, alert: false })).body as { id: string };
    await publishedLinkResource(authorClient, { title: 'Kommagetallen afronden' });
    // Published while the alert was off: switching it on does not announce it.
    await client.patch(`/api/account/saved-searches/${saved.id}`, { alert: true });
    await runAlerts();
    expect(await notificationsFor(member.id)).toEqual([]);
  });
});
