import { startMailCatcher } from '@lesplein/testing/mail-catcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationsService } from '../src/modules/notifications/notifications.service.js';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { createMember, memberWithClient, signIn } from './factories/members.js';
import { publishedLinkResource } from './factories/resources.js';
import { waitUntil } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

describe('notifications', () => {
  it('tells a member about a new follower in the app, and lets them mark it read', async () => {
    const { member: teacher, client } = await memberWithClient(t);
    const { member: fan, client: fanClient } = await memberWithClient(t, { firstName: 'Nora', lastName: 'Jacobs' });
    await fanClient.put(`/api/members/${teacher.handle}/follow`);
    const list = await client.get('/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ unread: 1, items: [{ type: 'new_follower', actor: { handle: fan.handle, displayName: 'Nora Jacobs' }, path: `/members/${fan.handle}`, read: false }] });
    expect((await client.get('/api/account/unread')).body).toEqual({ notifications: 1, messages: 0 });
    expect((await client.post(`/api/notifications/${list.body.items[0].id}/read`)).status).toBe(200);
    expect((await client.get('/api/notifications')).body.unread).toBe(0);
    // Following again does not notify twice.
    await fanClient.put(`/api/members/${teacher.handle}/follow`);
    expect((await client.get('/api/notifications')).body.items).toHaveLength(1);
    // Nobody else sees or marks it.
    expect((await fanClient.post(`/api/notifications/${list.body.items[0].id}/read`)).status).toBe(404);
    expect((await fanClient.get('/api/notifications')).body.items).toHaveLength(0);
    expect((await t.client().get('/api/notifications')).status).toBe(401);
    expect((await client.post('/api/notifications/not-a-uuid/read')).status).toBe(400);
    expect((await client.post('/api/notifications/read-all')).body).toEqual({ updated: 0 });
  });

  it('e-mails a moderation decision at once, with one-click unsubscribe that needs no session', async () => {
    const { member: author, client } = await memberWithClient(t);
    const resource = await publishedLinkResource(client, { title: 'Verboden werkblad' });
    const moderator = await createMember(t, { role: 'moderator' });
    const modClient = await signIn(t, moderator);
    await t.sql(`UPDATE "Member" SET "totpEnabledAt" = now(), "totpSecret" = 'x' WHERE id = $1`, [moderator.id]);
    await modClient.post(`/api/resources/${resource.id}/hide`, { reason: 'Auteursrecht' });
    const mail = await t.mail.waitFor(author.email, /moderator verborg je leermiddel/);
    expect(mail.text).toContain('„Verboden werkblad”');
    expect(mail.text).toContain(`/resources/${resource.id}`);
    expect(mail.text).not.toContain(moderator.email);
    const header = mail.rawHeaders['list-unsubscribe']!;
    expect(header).toMatch(/^<http:\/\/localhost:5173\/api\/notifications\/unsubscribe\?token=[^>]+>$/);
    expect(mail.rawHeaders['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // What a mail client does for RFC 8058: POST the header's URL with the form body, no cookies.
    const url = header.slice(1, -1).replace('http://localhost:5173', t.url);
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 'resource_hidden', channel: 'in_app' });
    expect((await client.get('/api/account/notification-preferences')).body.preferences.resource_hidden).toBe('in_app');
    const forged = url.replace(/token=([^.]+)\.([0-9a-f]{4})/, 'token=$1.0000');
    expect((await fetch(forged, { method: 'POST' })).status).toBe(400);
  });

  it('follows each preference: off, in-app, e-mail at once, and a daily digest sent once', async () => {
    const { member: teacher, client } = await memberWithClient(t);
    expect((await client.put('/api/account/notification-preferences', { preferences: { new_follower: 'banana' } })).status).toBe(400);
    const prefs = await client.put('/api/account/notification-preferences', { preferences: { new_follower: 'digest', mention: 'off' } });
    expect(prefs.body.preferences).toMatchObject({ new_follower: 'digest', mention: 'off', new_message: 'email' });
    for (let i = 0; i < 2; i++) {
      const { client: fan } = await memberWithClient(t, { firstName: `Fan${i}` });
      await fan.put(`/api/members/${teacher.handle}/follow`);
    }
    expect((await client.get('/api/notifications')).body.items).toHaveLength(2);
    const service = t.app.get(NotificationsService);
    expect(await service.sendDigests()).toBeGreaterThanOrEqual(1);
    const digest = await t.mail.waitFor(teacher.email, /Je Lesplein-overzicht: 2 nieuw/);
    expect(digest.text).toMatch(/Fan0 .* volgt je nu/);
    expect(digest.text).toMatch(/Fan1 .* volgt je nu/);
    await service.sendDigests();
    await waitUntil(async () => (await t.sql(`SELECT 1 FROM pgboss.job WHERE name = 'mail.send' AND state IN ('created', 'retry', 'active')`)).length === 0, 15_000, 'the mail queue to drain');
    expect(t.mail.all().filter((mail) => mail.to.includes(teacher.email) && /overzicht/.test(mail.subject))).toHaveLength(1);

    await client.put('/api/account/notification-preferences', { preferences: { new_follower: 'off' } });
    const { client: late } = await memberWithClient(t);
    await late.put(`/api/members/${teacher.handle}/follow`);
    expect((await client.get('/api/notifications')).body.items).toHaveLength(2);
  });

  it('tells about comments on my resource, replies and mentions, never from members I blocked', async () => {
    const { member: author, client: authorClient } = await memberWithClient(t);
    const { member: commenter, client: commenterClient } = await memberWithClient(t);
    const { member: mentioned, client: mentionedClient } = await memberWithClient(t);
    const { member: blocker, client: blockerClient } = await memberWithClient(t);
    await blockerClient.put(`/api/members/${commenter.handle}/block`);
    const resource = await publishedLinkResource(authorClient);
    const comment = await commenterClient.post(`/api/resources/${resource.id}/comments`, { body: `Mooi! @${mentioned.handle} @${blocker.handle} kijk eens` });
    expect(comment.status).toBe(201);
    const types = async (client: typeof authorClient) => (await client.get('/api/notifications')).body.items.map((n: { type: string }) => n.type);
    expect(await types(authorClient)).toEqual(['comment_on_resource']);
    expect(await types(mentionedClient)).toEqual(['mention']);
    expect(await types(blockerClient)).toEqual([]);
    const path = (await authorClient.get('/api/notifications')).body.items[0].path;
    expect(path).toBe(`/resources/${resource.id}#comment-${comment.body.id}`);
    await authorClient.post(`/api/resources/${resource.id}/comments`, { body: 'Dank je!', parentId: comment.body.id });
    expect(await types(commenterClient)).toEqual(['comment_reply']);
    expect(author.id).not.toBe(mentioned.id);
  });

  it('delays mail while the SMTP server is down and loses none', async () => {
    const { member: recipient } = await memberWithClient(t);
    const { client: sender } = await memberWithClient(t);
    const port = t.mail.port;
    await t.mail.close();
    expect((await sender.post('/api/messages', { to: recipient.handle, body: 'Hallo, mag ik je werkblad gebruiken?' })).status).toBe(201);
    await waitUntil(async () => (await t.sql(`SELECT 1 FROM pgboss.job WHERE name = 'mail.send' AND state = 'retry'`)).length > 0, 20_000, 'a failed delivery attempt');
    t.mail = await startMailCatcher({ port });
    const mail = await t.mail.waitFor(recipient.email, /stuurde je een bericht/, 60_000);
    expect(mail.text).toContain('/messages/');
  }, 90_000);
});
