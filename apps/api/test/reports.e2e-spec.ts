import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient, moderatorClient } from './factories/members.js';
import { createResource, publishedLinkResource } from './factories/resources.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

describe('reports to moderators', () => {
  it('lets members report a resource, comment, profile or message they can see; moderators see the queue', async () => {
    const { member: author, client: authorClient } = await memberWithClient(t);
    const { member: reporter, client } = await memberWithClient(t, { firstName: 'Melder' });
    const resource = await publishedLinkResource(authorClient);
    const comment = (await authorClient.post(`/api/resources/${resource.id}/comments`, { body: 'Koop mijn cursus!' })).body;
    const { conversationId } = (await authorClient.post('/api/messages', { to: reporter.handle, body: 'Spam' })).body;
    const message = (await client.get(`/api/conversations/${conversationId}/messages`)).body.items[0];

    const reason = 'Dit is reclame, geen leermiddel.';
    const created = [
      await client.post('/api/reports', { targetType: 'resource', target: resource.id, reason }),
      await client.post('/api/reports', { targetType: 'comment', target: comment.id, reason }),
      await client.post('/api/reports', { targetType: 'member', target: author.handle, reason }),
      await client.post('/api/reports', { targetType: 'message', target: message.id, reason }),
    ];
    for (const response of created) expect(response.status, response.text).toBe(201);
    const again = await client.post('/api/reports', { targetType: 'resource', target: resource.id, reason: 'Nog eens gemeld.' });
    expect(again.body.id).toBe(created[0]!.body.id);

    const moderator = await moderatorClient(t);
    const queue = await moderator.get('/api/moderation/reports?limit=100');
    expect(queue.status).toBe(200);
    const mine = queue.body.items.filter((item: { reporter: { handle: string } | null }) => item.reporter?.handle === reporter.handle);
    expect(mine.map((item: { targetType: string }) => item.targetType)).toEqual(['resource', 'comment', 'member', 'message']);
    expect(mine[0]).toMatchObject({ status: 'open', reason, targetId: resource.id });
  });

  it('refuses what the reporter cannot see, bad input, visitors and non-moderators', async () => {
    const { client: authorClient } = await memberWithClient(t);
    const { member, client } = await memberWithClient(t);
    const draft = await createResource(authorClient);
    const reason = 'Ongepaste inhoud gevonden.';
    expect((await client.post('/api/reports', { targetType: 'resource', target: draft.id, reason })).status).toBe(404);
    expect((await client.post('/api/reports', { targetType: 'comment', target: '00000000-0000-4000-8000-000000000000', reason })).status).toBe(404);
    expect((await client.post('/api/reports', { targetType: 'message', target: '00000000-0000-4000-8000-000000000000', reason })).status).toBe(404);
    expect((await client.post('/api/reports', { targetType: 'member', target: 'niemand-hier', reason })).status).toBe(404);
    expect((await client.post('/api/reports', { targetType: 'member', target: member.handle, reason })).status).toBe(400);
    expect((await client.post('/api/reports', { targetType: 'resource', target: 'not-a-uuid', reason })).status).toBe(400);
    expect((await client.post('/api/reports', { targetType: 'resource', target: draft.id, reason: 'kort' })).status).toBe(400);
    expect((await client.post('/api/reports', { targetType: 'folder', target: draft.id, reason })).status).toBe(400);
    expect((await t.client().post('/api/reports', { targetType: 'resource', target: draft.id, reason })).status).toBe(401);
    expect((await client.get('/api/moderation/reports')).status).toBe(403);
    expect((await t.client().get('/api/moderation/reports')).status).toBe(401);
  });
});
