import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient } from './factories/members.js';
import { publishedLinkResource } from './factories/resources.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

describe('usage data on the public profile, as the member chooses', () => {
  it('shows resources and public folders by default, comments and favourites count only when chosen', async () => {
    const { member, client } = await memberWithClient(t);
    const resource = await publishedLinkResource(client, { title: 'Mijn werkblad' });
    await client.post('/api/folders', { name: 'Openbaar', visibility: 'public' });
    const { client: other } = await memberWithClient(t);
    const othersResource = await publishedLinkResource(other);
    await client.put(`/api/resources/${othersResource.id}/favourite`);
    await client.post(`/api/resources/${othersResource.id}/comments`, { body: 'Sterk materiaal!' });

    const visitor = t.client();
    expect((await client.get('/api/account/profile-usage')).body).toEqual({ showPublicFolders: true, showResources: true, showComments: false, showFavouritesCount: false, showFollows: false });
    expect((await visitor.get(`/api/members/${member.handle}/resources`)).body.items.map((r: { id: string }) => r.id)).toEqual([resource.id]);
    expect((await visitor.get(`/api/members/${member.handle}/folders`)).body.items).toHaveLength(1);
    expect((await visitor.get(`/api/members/${member.handle}/activity`)).body).toEqual({ favouritesCount: null, comments: null });
    expect((await client.get(`/api/members/${member.handle}/activity`)).body.favouritesCount).toBe(1);

    const updated = await client.patch('/api/account/profile-usage', { showResources: false, showPublicFolders: false, showComments: true, showFavouritesCount: true });
    expect(updated.body).toMatchObject({ showResources: false, showComments: true });
    expect((await visitor.get(`/api/members/${member.handle}/resources`)).status).toBe(404);
    expect((await visitor.get(`/api/members/${member.handle}/folders`)).body.items).toEqual([]);
    const activity = await visitor.get(`/api/members/${member.handle}/activity`);
    expect(activity.body.favouritesCount).toBe(1);
    expect(activity.body.comments).toEqual([expect.objectContaining({ excerpt: 'Sterk materiaal!', resource: { id: othersResource.id, title: expect.any(String) } })]);
    expect((await client.get(`/api/members/${member.handle}/resources`)).body.items).toHaveLength(1);
  });

  it('refuses bad input, visitors and unknown members', async () => {
    const { client } = await memberWithClient(t);
    expect((await client.patch('/api/account/profile-usage', { showComments: 'ja' })).status).toBe(400);
    expect((await client.patch('/api/account/profile-usage', { showEverything: true })).status).toBe(400);
    expect((await t.client().get('/api/account/profile-usage')).status).toBe(401);
    expect((await t.client().get('/api/members/niemand-hier/activity')).status).toBe(404);
    expect((await t.client().get('/api/members/niemand-hier/resources')).status).toBe(404);
  });
});
