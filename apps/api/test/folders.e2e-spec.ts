import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { createMember, memberWithClient, signIn } from './factories/members.js';
import { createResource, publishedLinkResource } from './factories/resources.js';
import type { HttpClient } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

async function folder(client: HttpClient, body: Record<string, unknown> = {}) {
  const response = await client.post('/api/folders', { name: 'Rekenen 4de leerjaar', ...body });
  expect(response.status, response.text).toBe(201);
  return response.body as { id: string; sharePath: string | null };
}

describe('favourites', () => {
  it('favourites and unfavourites with an exact count, idempotently', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const { client: a } = await memberWithClient(t);
    const { client: b } = await memberWithClient(t);
    expect((await a.put(`/api/resources/${resource.id}/favourite`)).body).toEqual({ favourited: true, count: 1 });
    expect((await a.put(`/api/resources/${resource.id}/favourite`)).body).toEqual({ favourited: true, count: 1 });
    expect((await b.put(`/api/resources/${resource.id}/favourite`)).body).toEqual({ favourited: true, count: 2 });
    expect((await a.delete(`/api/resources/${resource.id}/favourite`)).body).toEqual({ favourited: false, count: 1 });
    expect((await t.client().get(`/api/resources/${resource.id}/favourite`)).body).toEqual({ favourited: false, count: 1 });
    expect((await b.get(`/api/resources/${resource.id}/favourite`)).body).toEqual({ favourited: true, count: 1 });
    const mine = await b.get('/api/account/favourites');
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([resource.id]);
  });

  it('refuses drafts, unknown ids and visitors', async () => {
    const { client: author } = await memberWithClient(t);
    const draft = await createResource(author);
    const { client: other } = await memberWithClient(t);
    expect((await other.put(`/api/resources/${draft.id}/favourite`)).status).toBe(404);
    expect((await author.put(`/api/resources/${draft.id}/favourite`)).status).toBe(409);
    expect((await other.put('/api/resources/00000000-0000-4000-8000-000000000000/favourite')).status).toBe(404);
    expect((await other.put('/api/resources/nope/favourite')).status).toBe(400);
    expect((await t.client().put(`/api/resources/${draft.id}/favourite`)).status).toBe(401);
    expect((await t.client().get('/api/account/favourites')).status).toBe(401);
  });

  it('keeps the count exact under 50 parallel favourites and 25 parallel removals', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const clients: HttpClient[] = [];
    for (let batch = 0; batch < 5; batch++) {
      const members = await Promise.all(Array.from({ length: 10 }, () => createMember(t)));
      clients.push(...(await Promise.all(members.map((member) => signIn(t, member)))));
    }
    await Promise.all(clients.map((client) => client.csrf()));
    const results = await Promise.all(clients.map((client) => client.put(`/api/resources/${resource.id}/favourite`)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    await Promise.all(clients.slice(0, 25).map((client) => client.delete(`/api/resources/${resource.id}/favourite`)));
    const [row] = await t.sql<{ favouriteCount: number; actual: string }>(
      'SELECT "favouriteCount", (SELECT count(*) FROM "Favourite" WHERE "resourceId" = $1) AS actual FROM "Resource" WHERE id = $1',
      [resource.id],
    );
    expect(row!.favouriteCount).toBe(25);
    expect(Number(row!.actual)).toBe(25);
  }, 120_000);
});

describe('folders', () => {
  it('creates, renames, orders, moves and deletes; items also become favourites', async () => {
    const { client } = await memberWithClient(t);
    const { client: author } = await memberWithClient(t);
    const [r1, r2, r3] = await Promise.all([publishedLinkResource(author, { title: 'Eén' }), publishedLinkResource(author, { title: 'Twee' }), publishedLinkResource(author, { title: 'Drie' })]);
    const f = await folder(client);
    for (const r of [r1!, r2!, r3!]) expect((await client.post(`/api/folders/${f.id}/items`, { resourceId: r.id })).status).toBe(200);
    let detail = await client.get(`/api/folders/${f.id}`);
    expect(detail.body).toMatchObject({ name: 'Rekenen 4de leerjaar', visibility: 'private', itemCount: 3, permissions: { edit: true, follow: false, copy: false } });
    expect(detail.body.items.map((r: { title: string }) => r.title)).toEqual(['Eén', 'Twee', 'Drie']);
    expect((await client.get(`/api/resources/${r1!.id}/favourite`)).body.favourited).toBe(true);

    detail = await client.put(`/api/folders/${f.id}/items/order`, { resourceIds: [r3!.id, r1!.id, r2!.id] });
    expect(detail.body.items.map((r: { title: string }) => r.title)).toEqual(['Drie', 'Eén', 'Twee']);
    expect((await client.put(`/api/folders/${f.id}/items/order`, { resourceIds: [r3!.id, r1!.id] })).status).toBe(400);
    expect((await client.put(`/api/folders/${f.id}/items/order`, { resourceIds: [r3!.id, r3!.id, r1!.id] })).status).toBe(400);

    const other = await folder(client, { name: 'Andere map' });
    const moved = await client.post(`/api/folders/${f.id}/items/${r2!.id}/move`, { toFolderId: other.id });
    expect(moved.body.items.map((r: { title: string }) => r.title)).toEqual(['Twee']);
    expect((await client.get(`/api/folders/${f.id}`)).body.itemCount).toBe(2);

    const renamed = await client.patch(`/api/folders/${f.id}`, { name: 'Rekenen', coverResourceId: r1!.id, description: '<b>vet</b>' });
    expect(renamed.body).toMatchObject({ name: 'Rekenen', description: '<b>vet</b>' });
    expect((await client.patch(`/api/folders/${f.id}`, { coverResourceId: r2!.id })).status).toBe(400);
    expect((await client.delete(`/api/folders/${f.id}/items/${r1!.id}`)).status).toBe(200);
    expect((await client.delete(`/api/folders/${f.id}/items/${r1!.id}`)).status).toBe(404);
    expect((await client.get('/api/account/folders')).body.items).toHaveLength(2);
    const holding = await client.get(`/api/account/folders?resourceId=${r2!.id}`);
    expect(holding.body.items.map((x: { name: string; containsResource: boolean }) => [x.name, x.containsResource]).sort()).toEqual([['Andere map', true], ['Rekenen', false]]);
    expect((await client.get('/api/account/folders?resourceId=nope')).status).toBe(400);
    expect((await client.delete(`/api/folders/${f.id}`)).status).toBe(200);
    expect((await client.get(`/api/folders/${f.id}`)).status).toBe(404);
  });

  it('refuses bad input', async () => {
    const { client } = await memberWithClient(t);
    for (const body of [{ name: '' }, { name: 'x'.repeat(101) }, { name: 'ok', visibility: 'everyone' }, { name: 'ok', ownerId: 'x' }, { name: 'ok', description: 'y'.repeat(2001) }]) {
      expect((await client.post('/api/folders', body)).status, JSON.stringify(body)).toBe(400);
    }
    const f = await folder(client);
    expect((await client.post(`/api/folders/${f.id}/items`, { resourceId: 'nope' })).status).toBe(400);
    expect((await client.post(`/api/folders/${f.id}/items`, { resourceId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await client.post(`/api/folders/${f.id}/items/00000000-0000-4000-8000-000000000000/move`, { toFolderId: f.id })).status).toBe(400);
    expect((await client.get('/api/folders/not-a-uuid')).status).toBe(400);
  });

  it('keeps a private folder invisible to others through every path', async () => {
    const { member: owner, client } = await memberWithClient(t);
    const resource = await publishedLinkResource(client);
    const f = await folder(client, { name: 'Geheime map' });
    await client.post(`/api/folders/${f.id}/items`, { resourceId: resource.id });
    const { client: other } = await memberWithClient(t);
    for (const reader of [other, t.client()]) {
      expect((await reader.get(`/api/folders/${f.id}`)).status).toBe(404);
      expect((await reader.get(`/api/members/${owner.handle}/folders`)).body.items).toEqual([]);
    }
    expect((await other.get('/api/account/folders')).body.items).toEqual([]);
    expect((await other.post(`/api/folders/${f.id}/copy`)).status).toBe(404);
    expect((await other.put(`/api/folders/${f.id}/follow`)).status).toBe(404);
    expect((await other.patch(`/api/folders/${f.id}`, { name: 'Overgenomen' })).status).toBe(404);
    expect((await other.post(`/api/folders/${f.id}/items`, { resourceId: resource.id })).status).toBe(404);
    expect((await other.delete(`/api/folders/${f.id}`)).status).toBe(404);
    expect((await t.client().patch(`/api/folders/${f.id}`, { name: 'x' })).status).toBe(401);
    expect((await client.get(`/api/folders/${f.id}`)).body.name).toBe('Geheime map');
  });

  it('shares by an unguessable link that can be replaced', async () => {
    const { client } = await memberWithClient(t);
    const resource = await publishedLinkResource(client);
    const f = await folder(client, { visibility: 'link' });
    await client.post(`/api/folders/${f.id}/items`, { resourceId: resource.id });
    const owner = await client.get(`/api/folders/${f.id}`);
    const sharePath: string = owner.body.sharePath;
    expect(sharePath).toMatch(/^\/folders\/shared\/[A-Za-z0-9_-]{43}$/);
    const token = sharePath.split('/').at(-1)!;
    const visitor = t.client();
    expect((await visitor.get(`/api/folders/${f.id}`)).status).toBe(404);
    expect((await visitor.get(`/api/folders/${f.id}?token=${'A'.repeat(43)}`)).status).toBe(404);
    const viaLink = await visitor.get(`/api/folders/shared/${token}`);
    expect(viaLink.status).toBe(200);
    expect(viaLink.body).toMatchObject({ sharePath: null, itemCount: 1, permissions: { edit: false, follow: false } });
    expect((await visitor.get(`/api/folders/${f.id}?token=${token}`)).status).toBe(200);

    const { client: other } = await memberWithClient(t);
    const copied = await other.post(`/api/folders/${f.id}/copy?token=${token}`);
    expect(copied.status).toBe(201);
    expect(copied.body).toMatchObject({ visibility: 'private', itemCount: 1 });

    await client.post(`/api/folders/${f.id}/share-link`);
    expect((await visitor.get(`/api/folders/shared/${token}`)).status).toBe(404);
    await client.patch(`/api/folders/${f.id}`, { visibility: 'private' });
    const newToken = (await client.get(`/api/folders/${f.id}`)).body.sharePath;
    expect(newToken).toBeNull();
  });

  it('shows public folders to everyone, lets others follow and copy them, and hides unreadable items', async () => {
    const { member: owner, client } = await memberWithClient(t);
    const published = await publishedLinkResource(client, { title: 'Openbaar' });
    const draft = await createResource(client, { title: 'Mijn concept' });
    const f = await folder(client, { visibility: 'public', name: 'Openbare map' });
    await client.post(`/api/folders/${f.id}/items`, { resourceId: published.id });
    await client.post(`/api/folders/${f.id}/items`, { resourceId: draft.id });
    expect((await client.get(`/api/folders/${f.id}`)).body.itemCount).toBe(2);

    const visitorView = await t.client().get(`/api/folders/${f.id}`);
    expect(visitorView.body.items.map((r: { title: string }) => r.title)).toEqual(['Openbaar']);
    expect(visitorView.body.itemCount).toBe(1);
    expect((await t.client().get(`/api/members/${owner.handle}/folders`)).body.items.map((x: { name: string }) => x.name)).toEqual(['Openbare map']);

    const { client: fan } = await memberWithClient(t);
    const followed = await fan.put(`/api/folders/${f.id}/follow`);
    expect(followed.body).toMatchObject({ following: true, followerCount: 1 });
    expect((await fan.put(`/api/folders/${f.id}/follow`)).body.followerCount).toBe(1);
    expect((await client.put(`/api/folders/${f.id}/follow`)).status).toBe(403);
    expect((await fan.patch(`/api/folders/${f.id}`, { name: 'x' })).status).toBe(403);
    const copy = await fan.post(`/api/folders/${f.id}/copy`);
    expect(copy.body.items.map((r: { title: string }) => r.title)).toEqual(['Openbaar']);

    await client.patch(`/api/folders/${f.id}`, { visibility: 'private' });
    expect((await fan.get(`/api/folders/${f.id}`)).status).toBe(404);
    expect((await client.get(`/api/folders/${f.id}`)).body.followerCount).toBe(0);
  });
});
