import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { createMember, memberWithClient, moderatorClient, signIn } from './factories/members.js';
import { createResource, publishedLinkResource } from './factories/resources.js';
import type { HttpClient } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

async function comment(client: HttpClient, resourceId: string, body: string, parentId?: string) {
  const response = await client.post(`/api/resources/${resourceId}/comments`, { body, ...(parentId ? { parentId } : {}) });
  expect(response.status, response.text).toBe(201);
  return response.body as { id: string; parentId: string | null; bodyHtml: string; body: string | null; mentions: string[] };
}

/** A published resource with a comment by another member. */
async function commentedResource() {
  const { client: owner, member: ownerMember } = await memberWithClient(t);
  const resource = await publishedLinkResource(owner);
  const { client: commenter, member } = await memberWithClient(t);
  const first = await comment(commenter, resource.id, 'Heel **bruikbaar**, dank je!');
  return { owner, ownerMember, resource, commenter, member, first };
}

describe('reading and writing comments', () => {
  it('posts comments and one level of replies; everyone reads the thread oldest first with the replies under their comment', async () => {
    const { client: author, member: authorMember } = await memberWithClient(t, { firstName: 'Els', lastName: 'Maes' });
    const resource = await publishedLinkResource(author);
    const { client: an, member: anMember } = await memberWithClient(t, { firstName: 'An', lastName: 'Peeters' });
    const { client: bert } = await memberWithClient(t);

    const posted = await an.post(`/api/resources/${resource.id}/comments`, { body: '  Heel **bruikbaar** in het 4de leerjaar.  ' });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      parentId: null,
      author: { handle: anMember.handle, displayName: 'An Peeters' },
      body: 'Heel **bruikbaar** in het 4de leerjaar.',
      state: 'visible',
      edited: false,
      editedAt: null,
      hiddenReason: null,
      mentions: [],
      permissions: { edit: true, delete: true, hide: false },
      replies: [],
    });
    expect(posted.body.bodyHtml).toContain('<strong>bruikbaar</strong>');
    const second = await comment(bert, resource.id, 'Werkt dit ook voor het 5de?');
    const reply = await comment(author, resource.id, 'Ja, met de extra oefeningen.', posted.body.id);
    expect(reply.parentId).toBe(posted.body.id);
    await comment(an, resource.id, 'Goed om te weten!', posted.body.id);

    const visitor = await t.client().get(`/api/resources/${resource.id}/comments`);
    expect(visitor.status).toBe(200);
    expect(visitor.body.total).toBe(4);
    expect(visitor.body.nextCursor).toBeNull();
    expect(visitor.body.items.map((c: { id: string }) => c.id)).toEqual([posted.body.id, second.id]);
    const [top, other] = visitor.body.items;
    expect(top.body).toBeNull();
    expect(top.permissions).toEqual({ edit: false, delete: false, hide: false });
    expect(top.replies.map((r: { bodyHtml: string }) => r.bodyHtml)).toEqual(['<p>Ja, met de extra oefeningen.</p>\n', '<p>Goed om te weten!</p>\n']);
    expect(top.replies[0]).toMatchObject({ parentId: posted.body.id, author: { handle: authorMember.handle, displayName: 'Els Maes' }, replies: [] });
    expect(other.replies).toEqual([]);

    // Only its author gets the Markdown source and the edit and delete permissions.
    const asAn = await an.get(`/api/resources/${resource.id}/comments`);
    expect(asAn.body.items[0]).toMatchObject({ body: 'Heel **bruikbaar** in het 4de leerjaar.', permissions: { edit: true, delete: true, hide: false } });
    expect(asAn.body.items[1]).toMatchObject({ body: null, permissions: { edit: false, delete: false, hide: false } });
    const asModerator = await (await moderatorClient(t)).get(`/api/resources/${resource.id}/comments`);
    expect(asModerator.body.items[0].permissions).toEqual({ edit: false, delete: false, hide: true });
  });

  it('paginates top-level comments with a cursor', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const ids: string[] = [];
    for (const text of ['Eén', 'Twee', 'Drie']) ids.push((await comment(author, resource.id, text)).id);
    await comment(author, resource.id, 'Antwoord op één', ids[0]);
    const first = await t.client().get(`/api/resources/${resource.id}/comments?limit=2`);
    expect(first.body.items.map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 2));
    expect(first.body.items[0].replies).toHaveLength(1);
    expect(first.body.total).toBe(4);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.client().get(`/api/resources/${resource.id}/comments?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((c: { id: string }) => c.id)).toEqual(ids.slice(2));
    expect(second.body.nextCursor).toBeNull();
    expect((await t.client().get(`/api/resources/${resource.id}/comments?cursor=rommel`)).status).toBe(400);
    const badId = Buffer.from(JSON.stringify([new Date().toISOString(), 'geen-uuid'])).toString('base64url');
    expect((await t.client().get(`/api/resources/${resource.id}/comments?cursor=${badId}`)).status).toBe(400);
    expect((await t.client().get(`/api/resources/${resource.id}/comments?limit=0`)).status).toBe(400);
  });

  it('edits mark the comment as edited; saving the same text is no edit', async () => {
    const { commenter, resource, first } = await commentedResource();
    const same = await commenter.patch(`/api/comments/${first.id}`, { body: 'Heel **bruikbaar**, dank je!' });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ edited: false, editedAt: null });
    const edited = await commenter.patch(`/api/comments/${first.id}`, { body: 'Heel _bruikbaar_, dank je wel!' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ edited: true, body: 'Heel _bruikbaar_, dank je wel!', state: 'visible' });
    expect(edited.body.bodyHtml).toContain('<em>bruikbaar</em>');
    expect(Date.parse(edited.body.editedAt)).toBeGreaterThanOrEqual(Date.parse(edited.body.createdAt));
    const thread = await t.client().get(`/api/resources/${resource.id}/comments`);
    expect(thread.body.items[0]).toMatchObject({ edited: true, editedAt: edited.body.editedAt });
  });

  it('deletes: hard without replies, as a placeholder with replies, and the placeholder goes with its last reply', async () => {
    const { owner, resource, commenter, first } = await commentedResource();
    const lonely = await comment(commenter, resource.id, 'Dit haal ik weer weg.');
    expect((await commenter.delete(`/api/comments/${lonely.id}`)).body).toEqual({ ok: true });
    expect(await t.sql('SELECT 1 FROM "Comment" WHERE id = $1', [lonely.id])).toHaveLength(0);

    const reply = await comment(owner, resource.id, 'Graag gedaan!', first.id);
    expect((await commenter.delete(`/api/comments/${first.id}`)).status).toBe(200);
    const [stored] = await t.sql<{ body: string; deletedAt: Date | null }>('SELECT body, "deletedAt" FROM "Comment" WHERE id = $1', [first.id]);
    expect(stored).toMatchObject({ body: '', deletedAt: expect.any(Date) });
    const thread = await commenter.get(`/api/resources/${resource.id}/comments`);
    expect(thread.body.total).toBe(1);
    expect(thread.body.items).toHaveLength(1);
    expect(thread.body.items[0]).toMatchObject({ id: first.id, state: 'deleted', author: null, body: null, bodyHtml: '', mentions: [], permissions: { edit: false, delete: false, hide: false } });
    expect(thread.body.items[0].replies.map((r: { id: string }) => r.id)).toEqual([reply.id]);
    expect((await commenter.delete(`/api/comments/${first.id}`)).status).toBe(409);
    expect((await commenter.patch(`/api/comments/${first.id}`, { body: 'Toch nog iets' })).status).toBe(409);
    expect((await owner.post(`/api/resources/${resource.id}/comments`, { body: 'Nog een antwoord', parentId: first.id })).status).toBe(409);

    expect((await owner.delete(`/api/comments/${reply.id}`)).status).toBe(200);
    expect(await t.sql('SELECT 1 FROM "Comment" WHERE id = ANY($1::uuid[])', [[first.id, reply.id]])).toHaveLength(0);
    expect((await t.client().get(`/api/resources/${resource.id}/comments`)).body).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});

describe('validation (400 problem+json)', () => {
  it('refuses empty, too long, unknown fields, bad ids and replies deeper than one level', async () => {
    const { owner, resource, commenter, first } = await commentedResource();
    const reply = await comment(owner, resource.id, 'Een antwoord', first.id);
    const otherResource = await publishedLinkResource(owner);
    const elsewhere = await comment(owner, otherResource.id, 'Elders');
    const bad: Array<Record<string, unknown>> = [
      {},
      { body: '' },
      { body: '   \n  ' },
      { body: 'x'.repeat(5001) },
      { body: 42 },
      { body: 'Antwoord op een antwoord', parentId: reply.id },
      { body: 'Onbekende reactie', parentId: UNKNOWN },
      { body: 'Reactie bij een ander leermiddel', parentId: elsewhere.id },
      { body: 'Geen uuid', parentId: 'abc' },
      { body: 'Onbekend veld', authorId: owner },
    ];
    for (const body of bad) {
      const response = await commenter.post(`/api/resources/${resource.id}/comments`, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('validation_failed');
    }
    const deep = await commenter.post(`/api/resources/${resource.id}/comments`, { body: 'Te diep', parentId: reply.id });
    expect(deep.body.errors).toEqual([{ path: 'parentId', message: expect.stringContaining('one level deep') }]);
    expect((await commenter.post(`/api/resources/${resource.id}/comments`, { body: 'x'.repeat(5000) })).status).toBe(201);

    for (const body of [{ body: '' }, { body: 'x'.repeat(5001) }, { body: 'ok', parentId: first.id }, {}]) {
      expect((await commenter.patch(`/api/comments/${first.id}`, body)).status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect((await commenter.post('/api/resources/not-a-uuid/comments', { body: 'Hallo' })).status).toBe(400);
    expect((await t.client().get('/api/resources/not-a-uuid/comments')).status).toBe(400);
    expect((await commenter.patch('/api/comments/not-a-uuid', { body: 'Hallo' })).status).toBe(400);
    expect((await commenter.delete('/api/comments/not-a-uuid')).status).toBe(400);
    const moderator = await moderatorClient(t);
    expect((await moderator.post(`/api/comments/${first.id}/hide`, { reason: 'x' })).status).toBe(400);
    expect((await moderator.post(`/api/comments/${first.id}/hide`, { reason: 'Spam', extra: true })).status).toBe(400);
    expect((await moderator.post(`/api/comments/${first.id}/hide`, {})).status).toBe(400);
  });
});

describe('authorisation', () => {
  it('needs a session to write (401) and a CSRF token (403)', async () => {
    const { resource, commenter, first } = await commentedResource();
    const visitor = t.client();
    const attempts = [
      () => visitor.post(`/api/resources/${resource.id}/comments`, { body: 'Anoniem' }),
      () => visitor.patch(`/api/comments/${first.id}`, { body: 'Anoniem' }),
      () => visitor.delete(`/api/comments/${first.id}`),
      () => visitor.post(`/api/comments/${first.id}/hide`, { reason: 'Anoniem verborgen' }),
      () => visitor.post(`/api/comments/${first.id}/unhide`),
    ];
    for (const attempt of attempts) {
      const response = await attempt();
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('unauthenticated');
    }
    const noToken = await commenter.post(`/api/resources/${resource.id}/comments`, { body: 'Zonder token' }, { csrf: false });
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('csrf_invalid');
    expect((await commenter.patch(`/api/comments/${first.id}`, { body: 'Zonder token' }, { csrf: false })).status).toBe(403);
    expect((await commenter.delete(`/api/comments/${first.id}`, { csrf: false })).status).toBe(403);
    expect(await t.sql('SELECT 1 FROM "Comment" WHERE "resourceId" = $1', [resource.id])).toHaveLength(1);
  });

  it("nobody edits or deletes another's comment (403), moderators included", async () => {
    const { owner, resource, first } = await commentedResource();
    const { client: other } = await memberWithClient(t);
    const moderator = await moderatorClient(t);
    for (const client of [owner, other, moderator]) {
      const edit = await client.patch(`/api/comments/${first.id}`, { body: 'Overgenomen' });
      expect(edit.status).toBe(403);
      expect(edit.body.code).toBe('forbidden');
      expect((await client.delete(`/api/comments/${first.id}`)).status).toBe(403);
    }
    const [stored] = await t.sql<{ body: string }>('SELECT body FROM "Comment" WHERE id = $1', [first.id]);
    expect(stored!.body).toBe('Heel **bruikbaar**, dank je!');
    expect((await t.client().get(`/api/resources/${resource.id}/comments`)).body.total).toBe(1);
  });

  it('only moderators hide (403 for members, the author included)', async () => {
    const { owner, commenter, first } = await commentedResource();
    for (const client of [owner, commenter]) {
      expect((await client.post(`/api/comments/${first.id}/hide`, { reason: 'Niet gepast' })).status).toBe(403);
      expect((await client.post(`/api/comments/${first.id}/unhide`)).status).toBe(403);
    }
    expect(await t.sql('SELECT 1 FROM "Comment" WHERE id = $1 AND "hiddenAt" IS NOT NULL', [first.id])).toHaveLength(0);
  });

  it('refuses comments from a member the resource author blocked (403), also as replies', async () => {
    const { ownerMember, resource, commenter, member, first } = await commentedResource();
    await t.sql('INSERT INTO "MemberBlock" ("blockerId", "blockedId") VALUES ($1, $2)', [ownerMember.id, member.id]);
    for (const body of [{ body: 'Nog een reactie' }, { body: 'Een antwoord', parentId: first.id }]) {
      const response = await commenter.post(`/api/resources/${resource.id}/comments`, body);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('forbidden');
    }
    // Others still comment; the blocked member still reads.
    const { client: other } = await memberWithClient(t);
    await comment(other, resource.id, 'Ik mag wel');
    expect((await commenter.get(`/api/resources/${resource.id}/comments`)).body.total).toBe(2);
  });

  it('answers 404 for unknown resources and comments and for drafts of others; 409 on a resource that is not published', async () => {
    const { client: author } = await memberWithClient(t);
    const draft = await createResource(author);
    const { client: other } = await memberWithClient(t);
    const moderator = await moderatorClient(t);
    for (const client of [other, moderator, t.client()]) expect((await client.get(`/api/resources/${draft.id}/comments`)).status).toBe(404);
    expect((await other.post(`/api/resources/${draft.id}/comments`, { body: 'Hallo' })).status).toBe(404);
    expect((await t.client().get(`/api/resources/${UNKNOWN}/comments`)).status).toBe(404);
    const unknown = await other.post(`/api/resources/${UNKNOWN}/comments`, { body: 'Hallo' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
    expect((await other.patch(`/api/comments/${UNKNOWN}`, { body: 'Hallo' })).status).toBe(404);
    expect((await other.delete(`/api/comments/${UNKNOWN}`)).status).toBe(404);
    expect((await moderator.post(`/api/comments/${UNKNOWN}/hide`, { reason: 'Bestaat niet' })).status).toBe(404);
    expect((await moderator.post(`/api/comments/${UNKNOWN}/unhide`)).status).toBe(404);

    // The author reads the (empty) thread of their draft but cannot comment on it yet.
    expect((await author.get(`/api/resources/${draft.id}/comments`)).body).toEqual({ items: [], nextCursor: null, total: 0 });
    const early = await author.post(`/api/resources/${draft.id}/comments`, { body: 'Nog niet gepubliceerd' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('conflict');

    // A comment on a resource that went back to draft is out of sight for everyone but the resource's author.
    const { owner, resource, commenter, first } = await commentedResource();
    expect((await owner.post(`/api/resources/${resource.id}/unpublish`)).status).toBe(200);
    expect((await commenter.get(`/api/resources/${resource.id}/comments`)).status).toBe(404);
    expect((await commenter.patch(`/api/comments/${first.id}`, { body: 'Nog iets' })).status).toBe(404);
    expect((await commenter.delete(`/api/comments/${first.id}`)).status).toBe(404);
    expect((await owner.get(`/api/resources/${resource.id}/comments`)).body.total).toBe(1);
  });
});

describe('moderation', () => {
  it('hides with a reason: others see an empty placeholder, the author and moderators the text and the reason', async () => {
    const { owner, resource, commenter, first } = await commentedResource();
    const moderator = await moderatorClient(t);
    const reason = 'Persoonlijke aanval op een collega';
    const hidden = await moderator.post(`/api/comments/${first.id}/hide`, { reason });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ state: 'hidden', hiddenReason: reason, body: null, permissions: { edit: false, delete: false, hide: true } });
    expect(hidden.body.bodyHtml).toContain('<strong>bruikbaar</strong>');
    expect((await moderator.post(`/api/comments/${first.id}/hide`, { reason })).status).toBe(409);

    for (const viewer of [t.client(), owner]) {
      const [item] = (await viewer.get(`/api/resources/${resource.id}/comments`)).body.items;
      expect(item).toMatchObject({ id: first.id, state: 'hidden', bodyHtml: '', body: null, hiddenReason: null, mentions: [] });
    }
    const [own] = (await commenter.get(`/api/resources/${resource.id}/comments`)).body.items;
    expect(own).toMatchObject({ state: 'hidden', body: 'Heel **bruikbaar**, dank je!', hiddenReason: reason, permissions: { edit: false, delete: true, hide: false } });
    expect(own.bodyHtml).toContain('<strong>bruikbaar</strong>');
    expect((await commenter.patch(`/api/comments/${first.id}`, { body: 'Sorry' })).status).toBe(409);
    expect((await owner.post(`/api/resources/${resource.id}/comments`, { body: 'Antwoord', parentId: first.id })).status).toBe(409);

    const restored = await moderator.post(`/api/comments/${first.id}/unhide`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ state: 'visible', hiddenReason: null });
    expect((await moderator.post(`/api/comments/${first.id}/unhide`)).status).toBe(409);
    expect((await t.client().get(`/api/resources/${resource.id}/comments`)).body.items[0].bodyHtml).toContain('<strong>bruikbaar</strong>');
  });

  it('does not hide deleted comments (409)', async () => {
    const { owner, resource, commenter, first } = await commentedResource();
    await comment(owner, resource.id, 'Antwoord', first.id);
    await commenter.delete(`/api/comments/${first.id}`);
    expect((await (await moderatorClient(t)).post(`/api/comments/${first.id}/hide`, { reason: 'Te laat' })).status).toBe(409);
  });
});

describe('safety', () => {
  it('stores HTML and scripts as written and renders them inert, in every text field', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const { client } = await memberWithClient(t);
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))';
    const expectInert = (html: string) => {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      // Inside real tags (escaped text such as &lt;a href=…&gt; is harmless).
      expect(html).not.toMatch(/<[^>]*\shref\s*=\s*["']?\s*javascript:/i);
      expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    };

    const posted = await comment(client, resource.id, hostile);
    expect(posted.body).toBe(hostile);
    expectInert(posted.bodyHtml);
    expect(posted.bodyHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const [stored] = await t.sql<{ body: string }>('SELECT body FROM "Comment" WHERE id = $1', [posted.id]);
    expect(stored!.body).toBe(hostile);
    const [listed] = (await t.client().get(`/api/resources/${resource.id}/comments`)).body.items;
    expectInert(listed.bodyHtml);

    const reply = await comment(author, resource.id, `${hostile} <a href="javascript:alert(2)" onclick="alert(3)">klik</a>`, posted.id);
    expectInert(reply.bodyHtml);
    const edited = await client.patch(`/api/comments/${posted.id}`, { body: `Bewerkt ${hostile}` });
    expect(edited.body.body).toBe(`Bewerkt ${hostile}`);
    expectInert(edited.body.bodyHtml);

    // The hiding reason is stored as written and only ever returned as plain text.
    const reason = '<script>alert(1)</script> verborgen';
    const hidden = await (await moderatorClient(t)).post(`/api/comments/${posted.id}/hide`, { reason });
    expect(hidden.body.hiddenReason).toBe(reason);
    const [moderation] = await t.sql<{ hiddenReason: string }>('SELECT "hiddenReason" FROM "Comment" WHERE id = $1', [posted.id]);
    expect(moderation!.hiddenReason).toBe(reason);
  });

  it('resolves @mentions to existing members only, and drops members who blocked the commenter', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const an = await createMember(t, { firstName: 'An', lastName: 'Peeters' });
    const blocker = await createMember(t);
    const { client, member } = await memberWithClient(t);
    await t.sql('INSERT INTO "MemberBlock" ("blockerId", "blockedId") VALUES ($1, $2)', [blocker.id, member.id]);
    expect(an.handle).toMatch(/^an-peeters/);

    const body = `Vraag het aan @${an.handle} of @${blocker.handle}, niet aan @niemand-zo-genoemd of \`@${an.handle}\` in code; mail ${an.handle}@example.org`;
    const posted = await comment(client, resource.id, body);
    expect(posted.mentions).toEqual([an.handle]);
    expect(posted.body).toBe(body);
    const [listed] = (await t.client().get(`/api/resources/${resource.id}/comments`)).body.items;
    expect(listed.mentions).toEqual([an.handle]);

    // The blocker may still mention the member they blocked; an edit updates the mentions.
    const blockerClient = await signIn(t, blocker);
    expect((await comment(blockerClient, resource.id, `Hallo @${member.handle}`)).mentions).toEqual([member.handle]);
    const edited = await client.patch(`/api/comments/${posted.id}`, { body: `Toch liever @${an.handle.toUpperCase()}.` });
    expect(edited.body.mentions).toEqual([an.handle]);
  });
});

describe('rate limit', () => {
  it('answers 429 after 30 comments in ten minutes from one client', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const { client } = await memberWithClient(t);
    for (let i = 0; i < 30; i++) expect((await client.post(`/api/resources/${resource.id}/comments`, { body: `Reactie ${i}` })).status).toBe(201);
    const over = await client.post(`/api/resources/${resource.id}/comments`, { body: 'Eén te veel' });
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('rate_limited');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
