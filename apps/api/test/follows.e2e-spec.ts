import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient } from './factories/members.js';
import { createResource, publishedLinkResource } from './factories/resources.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

describe('following members', () => {
  it('follows and unfollows with a follower count; lists only when the member shows them', async () => {
    const { member: teacher, client: teacherClient } = await memberWithClient(t, { firstName: 'Lies', lastName: 'Claes' });
    const { member: fan, client } = await memberWithClient(t);
    expect((await client.put(`/api/members/${teacher.handle}/follow`)).body).toEqual({ following: true, followerCount: 1 });
    expect((await client.put(`/api/members/${teacher.handle}/follow`)).body.followerCount).toBe(1);
    expect((await t.client().get(`/api/members/${teacher.handle}/follow`)).body).toEqual({ following: false, followerCount: 1 });

    // Hidden by default from others, always visible to the member.
    expect((await t.client().get(`/api/members/${teacher.handle}/followers`)).status).toBe(404);
    expect((await client.get(`/api/members/${fan.handle}/following`)).body.items).toEqual([{ handle: teacher.handle, displayName: 'Lies Claes' }]);
    expect((await teacherClient.get(`/api/members/${teacher.handle}/followers`)).body.items.map((m: { handle: string }) => m.handle)).toEqual([fan.handle]);
    expect((await teacherClient.put('/api/account/follow-settings', { showFollows: true })).body).toEqual({ showFollows: true });
    expect((await t.client().get(`/api/members/${teacher.handle}/followers`)).body.items).toHaveLength(1);

    expect((await client.delete(`/api/members/${teacher.handle}/follow`)).body).toEqual({ following: false, followerCount: 0 });
  });

  it('refuses following oneself, unknown members, bad input and visitors', async () => {
    const { member, client } = await memberWithClient(t);
    expect((await client.put(`/api/members/${member.handle}/follow`)).status).toBe(400);
    expect((await client.put('/api/members/niemand-hier/follow')).status).toBe(404);
    expect((await client.put('/api/members/Bad%20Handle/follow')).status).toBe(400);
    expect((await t.client().put(`/api/members/${member.handle}/follow`)).status).toBe(401);
    expect((await client.put('/api/account/follow-settings', { showFollows: 'ja' })).status).toBe(400);
    expect((await client.get('/api/feed?limit=500')).status).toBe(400);
  });
});

describe('blocking', () => {
  it('ends follows both ways and stops the blocked member from following', async () => {
    const { member: a, client: aClient } = await memberWithClient(t);
    const { member: b, client: bClient } = await memberWithClient(t);
    await aClient.put(`/api/members/${b.handle}/follow`);
    await bClient.put(`/api/members/${a.handle}/follow`);
    expect((await aClient.get(`/api/members/${b.handle}/block`)).body).toEqual({ blocked: false });
    expect((await aClient.put(`/api/members/${b.handle}/block`)).body).toEqual({ blocked: true });
    expect((await aClient.get(`/api/members/${b.handle}/block`)).body).toEqual({ blocked: true });
    expect((await bClient.get(`/api/members/${a.handle}/block`)).body).toEqual({ blocked: false });
    expect((await t.client().get(`/api/members/${a.handle}/follow`)).body.followerCount).toBe(0);
    expect((await t.client().get(`/api/members/${b.handle}/follow`)).body.followerCount).toBe(0);
    expect((await bClient.put(`/api/members/${a.handle}/follow`)).status).toBe(403);
    expect((await aClient.put(`/api/members/${b.handle}/follow`)).status).toBe(403);
    expect((await aClient.get('/api/account/blocks')).body.items.map((m: { handle: string }) => m.handle)).toEqual([b.handle]);
    expect((await aClient.delete(`/api/members/${b.handle}/block`)).body).toEqual({ blocked: false });
    expect((await bClient.put(`/api/members/${a.handle}/follow`)).status).toBe(200);
    expect((await aClient.put(`/api/members/${a.handle}/block`)).status).toBe(400);
    expect((await t.client().get('/api/account/blocks')).status).toBe(401);
  });
});

describe('feed', () => {
  it('shows new resources of followed members and additions to followed public folders, newest first, paginated', async () => {
    const { member: author, client: authorClient } = await memberWithClient(t, { firstName: 'Mia', lastName: 'Wouters' });
    const { client: curatorClient } = await memberWithClient(t);
    const { client: reader } = await memberWithClient(t);
    await reader.put(`/api/members/${author.handle}/follow`);
    const folder = (await curatorClient.post('/api/folders', { name: 'Beste links', visibility: 'public' })).body;
    await reader.put(`/api/folders/${folder.id}/follow`);

    const first = await publishedLinkResource(authorClient, { title: 'Eerste van Mia' });
    await createResource(authorClient, { title: 'Concept van Mia' });
    const other = await publishedLinkResource(curatorClient, { title: 'In de map' });
    await curatorClient.post(`/api/folders/${folder.id}/items`, { resourceId: other.id });
    await publishedLinkResource(authorClient, { title: 'Tweede van Mia' });

    const feed = await reader.get('/api/feed?limit=2');
    expect(feed.status).toBe(200);
    expect(feed.body.items.map((item: { resource: { title: string } }) => item.resource.title)).toEqual(['Tweede van Mia', 'In de map']);
    expect(feed.body.items[0]).toMatchObject({ kind: 'resource', member: { handle: author.handle, displayName: 'Mia Wouters' } });
    expect(feed.body.items[1]).toMatchObject({ kind: 'folder_item', folder: { id: folder.id, name: 'Beste links' } });
    const next = await reader.get(`/api/feed?limit=2&cursor=${feed.body.nextCursor}`);
    expect(next.body.items.map((item: { resource: { title: string } }) => item.resource.title)).toEqual(['Eerste van Mia']);
    expect(next.body.nextCursor).toBeNull();

    // A folder that becomes private leaves the feed; a hidden or unpublished resource too.
    await curatorClient.patch(`/api/folders/${folder.id}`, { visibility: 'private' });
    await authorClient.post(`/api/resources/${first.id}/unpublish`);
    const after = await reader.get('/api/feed');
    expect(after.body.items.map((item: { resource: { title: string } }) => item.resource.title)).toEqual(['Tweede van Mia']);
    expect((await t.client().get('/api/feed')).status).toBe(401);
  });
});
