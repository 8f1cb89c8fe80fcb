import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithClient } from './factories/members.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('private messages', () => {
  it('starts a conversation, replies in it, counts unread and marks read', async () => {
    const { member: ann, client: annClient } = await memberWithClient(t, { firstName: 'Ann' });
    const { member: bert, client: bertClient } = await memberWithClient(t, { firstName: 'Bert' });
    const first = await annClient.post('/api/messages', { to: bert.handle, body: 'Dag Bert, mag ik je werkblad gebruiken?' });
    expect(first.status).toBe(201);
    const conversationId: string = first.body.conversationId;
    const again = await annClient.post('/api/messages', { to: bert.handle, body: 'En de oplossingen?' });
    expect(again.body.conversationId).toBe(conversationId);

    const bertList = await bertClient.get('/api/conversations');
    expect(bertList.body.items).toEqual([expect.objectContaining({ id: conversationId, with: { handle: ann.handle, displayName: expect.stringMatching(/^Ann /) }, lastMessage: 'En de oplossingen?', unread: 2 })]);
    expect((await bertClient.get('/api/account/unread')).body.messages).toBe(2);
    expect((await annClient.get('/api/account/unread')).body.messages).toBe(0);

    const reply = await bertClient.post(`/api/conversations/${conversationId}/messages`, { body: 'Natuurlijk!' });
    expect(reply.status).toBe(201);
    expect((await bertClient.get('/api/account/unread')).body.messages).toBe(0);
    expect((await annClient.get('/api/account/unread')).body.messages).toBe(1);
    await annClient.post(`/api/conversations/${conversationId}/read`);
    expect((await annClient.get('/api/account/unread')).body.messages).toBe(0);

    const thread = await annClient.get(`/api/conversations/${conversationId}/messages?limit=2`);
    expect(thread.body.items.map((m: { body: string; mine: boolean }) => [m.body, m.mine])).toEqual([['Natuurlijk!', false], ['En de oplossingen?', true]]);
    const older = await annClient.get(`/api/conversations/${conversationId}/messages?limit=2&cursor=${thread.body.nextCursor}`);
    expect(older.body.items.map((m: { body: string }) => m.body)).toEqual(['Dag Bert, mag ik je werkblad gebruiken?']);
    await t.mail.waitFor(bert.email, /stuurde je een bericht/);
  });

  it('keeps conversations private to their two members', async () => {
    const { member: ann, client: annClient } = await memberWithClient(t);
    const { member: bert } = await memberWithClient(t);
    const { client: eve } = await memberWithClient(t);
    const { conversationId } = (await annClient.post('/api/messages', { to: bert.handle, body: 'Privé' })).body;
    expect((await eve.get(`/api/conversations/${conversationId}/messages`)).status).toBe(404);
    expect((await eve.post(`/api/conversations/${conversationId}/messages`, { body: 'Ik lees mee' })).status).toBe(404);
    expect((await eve.post(`/api/conversations/${conversationId}/read`)).status).toBe(404);
    expect((await eve.get('/api/conversations')).body.items).toEqual([]);
    expect((await t.client().get('/api/conversations')).status).toBe(401);
    expect((await t.client().post('/api/messages', { to: ann.handle, body: 'x' })).status).toBe(401);
  });

  it('refuses messages between members when either blocked the other, and bad input', async () => {
    const { member: ann, client: annClient } = await memberWithClient(t);
    const { member: bert, client: bertClient } = await memberWithClient(t);
    const { conversationId } = (await annClient.post('/api/messages', { to: bert.handle, body: 'Hallo' })).body;
    await bertClient.put(`/api/members/${ann.handle}/block`);
    expect((await annClient.post('/api/messages', { to: bert.handle, body: 'Nog eens' })).status).toBe(403);
    expect((await annClient.post(`/api/conversations/${conversationId}/messages`, { body: 'Nog eens' })).status).toBe(403);
    expect((await bertClient.post(`/api/conversations/${conversationId}/messages`, { body: 'Ik blokkeerde je' })).status).toBe(403);

    expect((await annClient.post('/api/messages', { to: ann.handle, body: 'Aan mezelf' })).status).toBe(400);
    expect((await annClient.post('/api/messages', { to: 'niemand-hier', body: 'x' })).status).toBe(404);
    expect((await annClient.post('/api/messages', { to: bert.handle, body: '' })).status).toBe(400);
    expect((await annClient.post('/api/messages', { to: bert.handle, body: 'x'.repeat(5001) })).status).toBe(400);
    expect((await annClient.get('/api/conversations/not-a-uuid/messages')).status).toBe(400);
  });

  it('stores markup as text', async () => {
    const { member: bert } = await memberWithClient(t);
    const { client: ann } = await memberWithClient(t);
    const body = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const { conversationId } = (await ann.post('/api/messages', { to: bert.handle, body })).body;
    const thread = await ann.get(`/api/conversations/${conversationId}/messages`);
    expect(thread.body.items[0].body).toBe(body);
    expect(thread.headers.get('content-type')).toContain('application/json');
  });
});
