import { linkIn } from '@lesplein/testing/mail-catcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { createMember, memberWithClient, moderatorClient, signIn } from './factories/members.js';
import { createResource, publishedLinkResource } from './factories/resources.js';
import type { HttpClient } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let moderator: HttpClient;
let otherModerator: HttpClient;
let admin: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
  moderator = await moderatorClient(t);
  otherModerator = await moderatorClient(t);
  admin = await moderatorClient(t, 'admin');
});
afterAll(() => t.close());

const decision = (targetType: string, targetId: string, action: string, extra: Record<string, unknown> = {}) => ({
  targetType,
  targetId,
  action,
  reasons: 'Dit leermiddel bevat beelden zonder toestemming van de maker.',
  ground: 'Gebruiksvoorwaarden art. 4.2 (auteursrecht)',
  ...extra,
});

describe('the report queue', () => {
  it('filters by status, type, category and assignment, sorts, assigns and dismisses in bulk', async () => {
    const { client: author } = await memberWithClient(t);
    const { client: reporter } = await memberWithClient(t);
    const resource = await publishedLinkResource(author, { title: 'Gemelde bron' });
    const comment = (await author.post(`/api/resources/${resource.id}/comments`, { body: 'Een gemelde reactie' })).body;
    const first = (await reporter.post('/api/reports', { targetType: 'resource', target: resource.id, reason: 'Auteursrecht geschonden', category: 'copyright' })).body;
    const second = (await reporter.post('/api/reports', { targetType: 'comment', target: comment.id, reason: 'Beledigende reactie', category: 'harassment' })).body;

    const openItems = (await moderator.get('/api/moderation/reports?limit=100')).body.items as { id: string; context: unknown }[];
    // Where to find each target: the resource itself, a comment's resource.
    expect(openItems.find((r) => r.id === first.id)?.context).toEqual({ resourceId: resource.id, memberHandle: null });
    expect(openItems.find((r) => r.id === second.id)?.context).toEqual({ resourceId: resource.id, memberHandle: null });
    const open = openItems.map((r) => r.id);
    expect(open).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(open.indexOf(first.id)).toBeLessThan(open.indexOf(second.id));
    const newest = (await moderator.get('/api/moderation/reports?sort=newest&limit=100')).body.items.map((r: { id: string }) => r.id);
    expect(newest.indexOf(second.id)).toBeLessThan(newest.indexOf(first.id));
    const copyright = (await moderator.get('/api/moderation/reports?category=copyright&limit=100')).body.items;
    expect(copyright.map((r: { id: string }) => r.id)).toContain(first.id);
    expect(copyright.map((r: { id: string }) => r.id)).not.toContain(second.id);
    expect((await moderator.get('/api/moderation/reports?targetType=comment&limit=100')).body.items.map((r: { id: string }) => r.id)).toContain(second.id);

    expect((await moderator.put(`/api/moderation/reports/${first.id}/assignee`, { assignToMe: true })).status).toBe(204);
    const mine = (await moderator.get('/api/moderation/reports?assigned=me')).body.items;
    expect(mine.map((r: { id: string }) => r.id)).toEqual([first.id]);
    expect(mine[0].assignedTo).not.toBeNull();
    expect((await moderator.get('/api/moderation/reports?assigned=none&limit=100')).body.items.map((r: { id: string }) => r.id)).not.toContain(first.id);

    expect((await moderator.post('/api/moderation/reports/bulk', { reportIds: [second.id], action: 'dismiss' })).body).toEqual({ updated: 1 });
    expect((await moderator.get('/api/moderation/reports?status=dismissed&limit=100')).body.items.map((r: { id: string }) => r.id)).toContain(second.id);
    expect((await moderator.put(`/api/moderation/reports/${second.id}/assignee`, { assignToMe: true })).status).toBe(404);
  });

  it('is for moderators only and refuses bad input', async () => {
    const { client: member } = await memberWithClient(t);
    expect((await t.client().get('/api/moderation/reports')).status).toBe(401);
    expect((await member.get('/api/moderation/reports')).status).toBe(403);
    expect((await member.post('/api/moderation/reports/bulk', { reportIds: [crypto.randomUUID()], action: 'dismiss' })).status).toBe(403);
    for (const query of ['status=closed', 'category=rude', 'assigned=you', 'sort=random', 'limit=0']) expect((await moderator.get(`/api/moderation/reports?${query}`)).status, query).toBe(400);
    expect((await moderator.post('/api/moderation/reports/bulk', { reportIds: [], action: 'dismiss' })).status).toBe(400);
    expect((await moderator.post('/api/moderation/reports/bulk', { reportIds: ['x'], action: 'dismiss' })).status).toBe(400);
    expect((await moderator.put('/api/moderation/reports/not-a-uuid/assignee', { assignToMe: true })).status).toBe(400);
  });
});

describe('decisions, statements of reasons and appeals', () => {
  it('hides a resource, closes its reports, sends the author a statement of reasons, and a different moderator overturns the appeal', async () => {
    const { member: author, client: authorClient } = await memberWithClient(t);
    const { client: reporter } = await memberWithClient(t);
    const resource = await publishedLinkResource(authorClient, { title: 'Foto’s zonder toestemming' });
    const report = (await reporter.post('/api/reports', { targetType: 'resource', target: resource.id, reason: 'Auteursrecht geschonden', category: 'copyright' })).body;

    const decided = await moderator.post('/api/moderation/decisions', decision('resource', resource.id, 'hide'));
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({ action: 'hide', targetType: 'resource', targetId: resource.id, appeal: null });
    expect((await t.client().get(`/api/resources/${resource.id}`)).status).toBe(404);
    expect((await moderator.get('/api/moderation/reports?status=actioned&limit=100')).body.items.find((r: { id: string }) => r.id === report.id)).toMatchObject({ decisionId: decided.body.id });

    const statement = await t.mail.waitFor(author.email, /beslissing van de moderatoren/);
    expect(statement.text).toContain('Gebruiksvoorwaarden art. 4.2');
    expect(statement.text).toContain('toestemming van de maker');
    expect(linkIn(statement.text, '/account/decisions/')).toContain(decided.body.id);

    const mine = (await authorClient.get('/api/account/decisions')).body.items;
    expect(mine).toEqual([expect.objectContaining({ id: decided.body.id, canAppeal: true })]);
    const { client: stranger } = await memberWithClient(t);
    expect((await stranger.post(`/api/account/decisions/${decided.body.id}/appeal`, { text: 'Dit is niet mijn beslissing maar toch.' })).status).toBe(404);
    const appealed = await authorClient.post(`/api/account/decisions/${decided.body.id}/appeal`, { text: 'De foto’s zijn van mezelf; ik heb ze zelf gemaakt.' });
    expect(appealed.status).toBe(201);
    expect(appealed.body.appeal).toMatchObject({ status: 'open' });
    expect((await authorClient.post(`/api/account/decisions/${decided.body.id}/appeal`, { text: 'Nog een keer, met meer tekst.' })).status).toBe(409);

    const queue = (await otherModerator.get('/api/moderation/appeals')).body.items;
    const item = queue.find((entry: { decision: { id: string } }) => entry.decision.id === decided.body.id);
    expect(item.member.handle).toBe(author.handle);
    // The moderator who decided may not judge the appeal.
    expect((await moderator.post(`/api/moderation/appeals/${item.appeal.id}/decision`, { outcome: 'upheld', text: 'Ik blijf bij mijn beslissing.' })).status).toBe(403);
    const overturned = await otherModerator.post(`/api/moderation/appeals/${item.appeal.id}/decision`, { outcome: 'overturned', text: 'De maker toonde aan dat de foto’s van hem zijn.' });
    expect(overturned.status).toBe(201);
    expect(overturned.body.appeal).toMatchObject({ status: 'overturned' });
    expect((await t.client().get(`/api/resources/${resource.id}`)).status).toBe(200);
    await t.mail.waitFor(author.email, /bezwaar is aanvaard/);
    expect((await otherModerator.post(`/api/moderation/appeals/${item.appeal.id}/decision`, { outcome: 'upheld', text: 'Toch maar niet, bij nader inzien.' })).status).toBe(409);

    const audit = (await admin.get(`/api/admin/audit?targetId=${decided.body.id}`)).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['moderation.appeal_overturned', 'moderation.appeal_filed']);
    expect((await admin.get(`/api/admin/audit?action=moderation.hide&targetId=${resource.id}`)).body.items).toHaveLength(1);
  });

  it('suspends a member: sessions end, and the appeal link works without logging in', async () => {
    const { member, client } = await memberWithClient(t);
    const decided = await moderator.post('/api/moderation/decisions', decision('member', member.id, 'suspend', { suspendDays: 7 }));
    expect(decided.status).toBe(201);
    expect(new Date(decided.body.suspendedUntil).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const login = await t.client().post('/api/auth/login', { email: member.email, password: member.password });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('account_suspended');
    // The wrong password still gets the usual answer: nothing about the suspension.
    expect((await t.client().post('/api/auth/login', { email: member.email, password: 'Fout-Wachtwoord-123' })).body.code).toBe('invalid_credentials');

    const statement = await t.mail.waitFor(member.email, /beslissing van de moderatoren/);
    const link = new URL(linkIn(statement.text, '/account/decisions/'));
    const token = link.searchParams.get('token')!;
    const visitor = t.client();
    expect((await visitor.post(`/api/moderation/decisions/${decided.body.id}/appeal-with-token`, { token: '0'.repeat(64), text: 'Ik heb niets verkeerd gedaan.' })).status).toBe(404);
    expect((await visitor.post(`/api/moderation/decisions/${decided.body.id}/appeal-with-token`, { token: 'kort', text: 'Ik heb niets verkeerd gedaan.' })).status).toBe(400);
    const appealed = await visitor.post(`/api/moderation/decisions/${decided.body.id}/appeal-with-token`, { token, text: 'Ik heb niets verkeerd gedaan.' });
    expect(appealed.status).toBe(201);

    const item = (await otherModerator.get('/api/moderation/appeals')).body.items.find((entry: { decision: { id: string } }) => entry.decision.id === decided.body.id);
    await otherModerator.post(`/api/moderation/appeals/${item.appeal.id}/decision`, { outcome: 'overturned', text: 'De schorsing was niet terecht.' });
    expect((await (await signIn(t, member)).get('/api/auth/me')).status).toBe(200);
  });

  it('bans through the ban list (its right needed), and an overturned appeal lifts the ban', async () => {
    const { member, client } = await memberWithClient(t);
    expect((await moderator.post('/api/moderation/decisions', decision('member', member.id, 'ban'))).status).toBe(403);
    const decided = await admin.post('/api/moderation/decisions', decision('member', member.id, 'ban'));
    expect(decided.status).toBe(201);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect((await t.client().post('/api/auth/login', { email: member.email, password: member.password })).body.code).toBe('invalid_credentials');
    expect((await admin.get('/api/moderation/ban-list')).body.items[0]).toMatchObject({ reason: 'Gebruiksvoorwaarden art. 4.2 (auteursrecht)', hasAddress: true });

    const statement = await t.mail.waitFor(member.email, /beslissing van de moderatoren/);
    const token = new URL(linkIn(statement.text, '/account/decisions/')).searchParams.get('token')!;
    expect((await t.client().post(`/api/moderation/decisions/${decided.body.id}/appeal-with-token`, { token, text: 'Dit was een vergissing, ik deelde enkel eigen werk.' })).status).toBe(201);
    const item = (await otherModerator.get('/api/moderation/appeals')).body.items.find((entry: { decision: { id: string } }) => entry.decision.id === decided.body.id);
    expect((await otherModerator.post(`/api/moderation/appeals/${item.appeal.id}/decision`, { outcome: 'overturned', text: 'De ban was niet terecht.' })).status).toBe(201);
    expect((await (await signIn(t, member)).get('/api/auth/me')).status).toBe(200);
    expect((await admin.get('/api/moderation/ban-list')).body.items.find((entry: { reason: string }) => entry.reason === 'Gebruiksvoorwaarden art. 4.2 (auteursrecht)')).toBeUndefined();
  });

  it('refuses actions that do not fit, moderators acting on staff, unknown targets and non-moderators', async () => {
    const { member, client } = await memberWithClient(t);
    const staff = await createMember(t, { role: 'moderator' });
    const resource = await publishedLinkResource(client);
    expect((await moderator.post('/api/moderation/decisions', decision('member', member.id, 'hide'))).status).toBe(400);
    expect((await moderator.post('/api/moderation/decisions', decision('member', member.id, 'suspend'))).status).toBe(400);
    expect((await moderator.post('/api/moderation/decisions', decision('member', member.id, 'warn', { suspendDays: 3 }))).status).toBe(400);
    expect((await moderator.post('/api/moderation/decisions', decision('member', member.id, 'warn', { reasons: 'kort' }))).status).toBe(400);
    expect((await moderator.post('/api/moderation/decisions', decision('member', staff.id, 'suspend', { suspendDays: 3 }))).status).toBe(403);
    expect((await moderator.post('/api/moderation/decisions', decision('resource', crypto.randomUUID(), 'hide'))).status).toBe(404);
    expect((await client.post('/api/moderation/decisions', decision('resource', resource.id, 'hide'))).status).toBe(403);
    expect((await t.client().post('/api/moderation/decisions', decision('resource', resource.id, 'hide'))).status).toBe(401);
    expect((await client.get('/api/moderation/appeals')).status).toBe(403);
    expect((await t.client().get('/api/account/decisions')).status).toBe(401);
    // A warning reaches the member and changes nothing else.
    expect((await moderator.post('/api/moderation/decisions', decision('resource', resource.id, 'warn'))).status).toBe(201);
    expect((await t.client().get(`/api/resources/${resource.id}`)).status).toBe(200);
    // Removing: gone for everyone.
    expect((await moderator.post('/api/moderation/decisions', decision('resource', resource.id, 'remove'))).status).toBe(201);
    expect((await client.get(`/api/resources/${resource.id}`)).status).toBe(404);
    expect((await moderator.post('/api/moderation/decisions', decision('resource', resource.id, 'hide'))).status).toBe(404);
  });
});

describe('pre-moderation', () => {
  it('holds members\' first resources for review; moderators approve or reject with reasons', async () => {
    expect((await admin.get('/api/admin/settings/pre-moderation')).body).toEqual({ mode: 'off', firstN: 3 });
    expect((await admin.put('/api/admin/settings/pre-moderation', { mode: 'first_n', firstN: 1 })).body).toEqual({ mode: 'first_n', firstN: 1 });
    const { member: author, client } = await memberWithClient(t);

    const draft = await createResource(client, { type: 'website', link: 'https://example.org/les', title: 'Eerste bijdrage' });
    const submitted = await client.post(`/api/resources/${draft.id}/publish`);
    expect(submitted.body.state).toBe('pending_review');
    expect((await t.client().get(`/api/resources/${draft.id}`)).status).toBe(404);
    expect((await moderator.get(`/api/resources/${draft.id}`)).status).toBe(200);
    const queue = (await moderator.get('/api/moderation/review-queue?limit=100')).body.items;
    expect(queue.find((item: { resourceId: string }) => item.resourceId === draft.id)).toMatchObject({ title: 'Eerste bijdrage', author: { handle: author.handle } });

    expect((await moderator.post(`/api/moderation/review-queue/${draft.id}`, { decision: 'approve' })).body).toEqual({ state: 'published' });
    expect((await t.client().get(`/api/resources/${draft.id}`)).status).toBe(200);
    expect((await moderator.post(`/api/moderation/review-queue/${draft.id}`, { decision: 'approve' })).status).toBe(409);
    // Past the first N, publishing is immediate.
    expect((await publishedLinkResource(client)).state).toBe('published');

    await admin.put('/api/admin/settings/pre-moderation', { mode: 'all', firstN: 1 });
    const second = await createResource(client, { type: 'website', link: 'https://example.org/les2', title: 'Tweede bijdrage' });
    expect((await client.post(`/api/resources/${second.id}/publish`)).body.state).toBe('pending_review');
    expect((await moderator.post(`/api/moderation/review-queue/${second.id}`, { decision: 'reject' })).status).toBe(400);
    const rejected = await moderator.post(`/api/moderation/review-queue/${second.id}`, { decision: 'reject', reasons: 'De link verwijst naar een betaalde cursus.', ground: 'Gebruiksvoorwaarden art. 3.1' });
    expect(rejected.body).toEqual({ state: 'rejected' });
    await t.mail.waitFor(author.email, /beslissing van de moderatoren/);
    expect((await client.get('/api/account/decisions')).body.items[0]).toMatchObject({ action: 'reject', canAppeal: true });
    // The author may edit and submit it again.
    expect((await client.post(`/api/resources/${second.id}/publish`)).body.state).toBe('pending_review');
    // Moderators' own resources never wait.
    expect((await publishedLinkResource(moderator)).state).toBe('published');
    await admin.put('/api/admin/settings/pre-moderation', { mode: 'off', firstN: 3 });
  });

  it('keeps the settings for admins and the queue for moderators', async () => {
    const { client: member } = await memberWithClient(t);
    expect((await moderator.get('/api/admin/settings/pre-moderation')).status).toBe(403);
    expect((await member.get('/api/moderation/review-queue')).status).toBe(403);
    expect((await t.client().put('/api/admin/settings/pre-moderation', { mode: 'all', firstN: 1 })).status).toBe(401);
    expect((await admin.put('/api/admin/settings/pre-moderation', { mode: 'sometimes', firstN: 1 })).status).toBe(400);
    expect((await admin.put('/api/admin/settings/pre-moderation', { mode: 'first_n', firstN: 0 })).status).toBe(400);
    expect((await moderator.post(`/api/moderation/review-queue/${crypto.randomUUID()}`, { decision: 'approve' })).status).toBe(404);
    expect((await moderator.post('/api/moderation/review-queue/nope', { decision: 'approve' })).status).toBe(400);
  });
});
