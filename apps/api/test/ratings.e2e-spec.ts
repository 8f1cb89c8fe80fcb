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
const rating = (id: string) => `/api/resources/${id}/rating`;
const round2 = (value: number) => Math.round(value * 100) / 100;

/** `count` members signed in, created in batches of 10 (hashing passwords is slow), each with a CSRF token. */
async function signedInMembers(count: number): Promise<HttpClient[]> {
  const clients: HttpClient[] = [];
  while (clients.length < count) {
    const members = await Promise.all(Array.from({ length: Math.min(10, count - clients.length) }, () => createMember(t)));
    clients.push(...(await Promise.all(members.map((member) => signIn(t, member)))));
  }
  await Promise.all(clients.map((client) => client.csrf()));
  return clients;
}

/** The resource's counters next to what the Rating table itself holds. */
async function totals(resourceId: string) {
  const [row] = await t.sql<{ ratingCount: number; ratingSum: number; rows: string; scores: string | null }>(
    `SELECT "ratingCount", "ratingSum", (SELECT count(*) FROM "Rating" WHERE "resourceId" = $1) AS rows, (SELECT sum(score) FROM "Rating" WHERE "resourceId" = $1) AS scores
     FROM "Resource" WHERE id = $1`,
    [resourceId],
  );
  return { ratingCount: row!.ratingCount, ratingSum: row!.ratingSum, rows: Number(row!.rows), scores: Number(row!.scores ?? 0) };
}

describe('rating a resource', () => {
  it('rates, changes and removes, with the average from exact counters', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const [a, b, c] = await signedInMembers(3);
    const visitor = t.client();

    expect((await visitor.get(rating(resource.id))).body).toEqual({ average: null, count: 0, mine: null });
    expect((await a!.get(rating(resource.id))).body).toEqual({ average: null, count: 0, mine: null });

    const first = await a!.put(rating(resource.id), { score: 4 });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ average: 4, count: 1, mine: 4 });
    expect((await b!.put(rating(resource.id), { score: 5 })).body).toEqual({ average: 4.5, count: 2, mine: 5 });
    expect((await c!.put(rating(resource.id), { score: 2 })).body).toEqual({ average: 3.67, count: 3, mine: 2 }); // 11 / 3

    // Changing my score keeps the count and moves the sum.
    expect((await a!.put(rating(resource.id), { score: 1 })).body).toEqual({ average: 2.67, count: 3, mine: 1 }); // 8 / 3
    expect((await a!.put(rating(resource.id), { score: 1 })).body).toEqual({ average: 2.67, count: 3, mine: 1 });
    expect((await visitor.get(rating(resource.id))).body).toEqual({ average: 2.67, count: 3, mine: null });
    expect((await b!.get(rating(resource.id))).body).toEqual({ average: 2.67, count: 3, mine: 5 });

    const removed = await c!.delete(rating(resource.id));
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ average: 3, count: 2, mine: null }); // (1 + 5) / 2
    expect((await c!.get(rating(resource.id))).body).toEqual({ average: 3, count: 2, mine: null });
    expect(await totals(resource.id)).toEqual({ ratingCount: 2, ratingSum: 6, rows: 2, scores: 6 });

    // Rating again after removing counts again.
    expect((await c!.put(rating(resource.id), { score: 3 })).body).toEqual({ average: 3, count: 3, mine: 3 });
    await a!.delete(rating(resource.id));
    await b!.delete(rating(resource.id));
    await c!.delete(rating(resource.id));
    expect((await visitor.get(rating(resource.id))).body).toEqual({ average: null, count: 0, mine: null });
    expect(await totals(resource.id)).toEqual({ ratingCount: 0, ratingSum: 0, rows: 0, scores: 0 });
  });

  it('refuses scores that are not a whole number from 1 to 5 (400 problem+json) and saves nothing', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const { client } = await memberWithClient(t);
    const bad: unknown[] = [{ score: 0 }, { score: 6 }, { score: 2.5 }, { score: '5' }, { score: null }, { score: -1 }, {}, { score: 3, memberId: UNKNOWN }, [3]];
    for (const body of bad) {
      const response = await client.put(rating(resource.id), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.errors.length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    expect((await client.put(rating(resource.id), { score: 6 })).body.errors[0].path).toBe('score');
    expect((await client.put(rating(resource.id), { score: 3, extra: true })).body.errors[0].path).toBe('extra');
    expect((await client.put(rating('nope'), { score: 3 })).status).toBe(400);
    expect((await client.get(rating('nope'))).status).toBe(400);
    expect((await client.delete(rating('nope'))).status).toBe(400);
    expect(await totals(resource.id)).toEqual({ ratingCount: 0, ratingSum: 0, rows: 0, scores: 0 });
  });

  it('lets visitors read the summary but not rate (401), and needs the CSRF token (403)', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const visitor = t.client();
    expect((await visitor.get(rating(resource.id))).status).toBe(200);
    for (const response of [await visitor.put(rating(resource.id), { score: 5 }), await visitor.delete(rating(resource.id))]) {
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('unauthenticated');
    }
    const { client } = await memberWithClient(t);
    for (const response of [await client.put(rating(resource.id), { score: 5 }, { csrf: false }), await client.delete(rating(resource.id), { csrf: false })]) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('csrf_invalid');
    }
    expect(await totals(resource.id)).toEqual({ ratingCount: 0, ratingSum: 0, rows: 0, scores: 0 });
  });

  it('refuses rating one’s own resource (403), even a draft', async () => {
    const { client: author } = await memberWithClient(t);
    const published = await publishedLinkResource(author);
    const own = await author.put(rating(published.id), { score: 5 });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('forbidden');
    expect(own.body.detail).toMatch(/own resource/);
    // Own before published: the author's own draft is refused for being theirs, not for being a draft.
    const draft = await createResource(author);
    expect((await author.put(rating(draft.id), { score: 5 })).status).toBe(403);
    // The author sees the summary of their own resource, draft included.
    expect((await author.get(rating(draft.id))).body).toEqual({ average: null, count: 0, mine: null });
    expect((await author.delete(rating(published.id))).status).toBe(404);
    expect(await totals(published.id)).toEqual({ ratingCount: 0, ratingSum: 0, rows: 0, scores: 0 });
  });

  it('answers 404 for unknown resources, someone else’s draft and a rating I do not have', async () => {
    const { client: author } = await memberWithClient(t);
    const draft = await createResource(author);
    const published = await publishedLinkResource(author);
    const { client } = await memberWithClient(t);
    for (const response of [
      await client.get(rating(UNKNOWN)),
      await client.put(rating(UNKNOWN), { score: 3 }),
      await client.delete(rating(UNKNOWN)),
      await t.client().get(rating(UNKNOWN)),
      await client.get(rating(draft.id)),
      await client.put(rating(draft.id), { score: 3 }),
      await client.delete(rating(draft.id)),
      await t.client().get(rating(draft.id)),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
    }
    const none = await client.delete(rating(published.id));
    expect(none.status).toBe(404);
    expect(none.body.detail).toMatch(/Rating/);

    // A removed resource is gone for ratings too.
    await client.put(rating(published.id), { score: 4 });
    expect((await author.delete(`/api/resources/${published.id}`)).status).toBe(200);
    expect((await client.get(rating(published.id))).status).toBe(404);
    expect((await client.put(rating(published.id), { score: 2 })).status).toBe(404);
  });

  it('refuses rating a resource that is readable but not published (409); hidden ratings stay counted', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const { client: member } = await memberWithClient(t);
    expect((await member.put(rating(resource.id), { score: 4 })).status).toBe(200);
    const moderator = await moderatorClient(t);
    expect((await moderator.post(`/api/resources/${resource.id}/hide`, { reason: 'Auteursrecht nakijken' })).status).toBe(200);

    // The moderator still reads the hidden resource, but it cannot be rated.
    const refused = await moderator.put(rating(resource.id), { score: 1 });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('conflict');
    expect((await moderator.get(rating(resource.id))).body).toEqual({ average: 4, count: 1, mine: null });
    // The member no longer sees it; the author does.
    expect((await member.get(rating(resource.id))).status).toBe(404);
    expect((await member.put(rating(resource.id), { score: 5 })).status).toBe(404);
    expect((await author.get(rating(resource.id))).body).toEqual({ average: 4, count: 1, mine: null });

    expect((await moderator.post(`/api/resources/${resource.id}/unhide`)).status).toBe(200);
    expect((await member.get(rating(resource.id))).body).toEqual({ average: 4, count: 1, mine: 4 });
  });

  it('limits ratings per client (429 with Retry-After)', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const { client } = await memberWithClient(t);
    for (let sent = 0; sent < 120; sent++) expect((await client.put(rating(resource.id), { score: (sent % 5) + 1 })).status).toBe(200);
    const over = await client.put(rating(resource.id), { score: 3 });
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('rate_limited');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await client.delete(rating(resource.id))).status).toBe(429);
    expect((await client.get(rating(resource.id))).status).toBe(200); // reading is not limited by this rule
    const after = await totals(resource.id);
    expect(after).toMatchObject({ ratingCount: 1, rows: 1 });
    expect(after.ratingSum).toBe(after.scores);
  });
});

describe('exact under concurrent votes', () => {
  it('keeps count and average exact under 50 parallel ratings and 50 parallel changes and removals', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const clients = await signedInMembers(50);
    const scores = new Map<number, number>();

    const first = await Promise.all(
      clients.map((client, i) => {
        scores.set(i, (i % 5) + 1);
        return client.put(rating(resource.id), { score: (i % 5) + 1 });
      }),
    );
    expect(first.map((response) => response.status)).toEqual(Array(50).fill(200));
    expect(await totals(resource.id)).toEqual({ ratingCount: 50, ratingSum: 150, rows: 50, scores: 150 });

    // Every third member removes their score; the others change it.
    const second = await Promise.all(
      clients.map((client, i) => {
        if (i % 3 === 0) {
          scores.delete(i);
          return client.delete(rating(resource.id));
        }
        const score = ((i * 7) % 5) + 1;
        scores.set(i, score);
        return client.put(rating(resource.id), { score });
      }),
    );
    expect(second.map((response) => response.status)).toEqual(Array(50).fill(200));

    const expectedCount = scores.size;
    const expectedSum = [...scores.values()].reduce((sum, score) => sum + score, 0);
    expect(await totals(resource.id)).toEqual({ ratingCount: expectedCount, ratingSum: expectedSum, rows: expectedCount, scores: expectedSum });
    expect((await t.client().get(rating(resource.id))).body).toEqual({ average: round2(expectedSum / expectedCount), count: expectedCount, mine: null });
    expect((await clients[1]!.get(rating(resource.id))).body.mine).toBe(scores.get(1));
  }, 120_000);

  it('ends with one rating when the same member fires 10 parallel ratings with different scores', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const { member, client } = await memberWithClient(t);
    await client.csrf();
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => client.put(rating(resource.id), { score: (i % 5) + 1 })));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    const [stored] = await t.sql<{ score: number }>('SELECT score FROM "Rating" WHERE "memberId" = $1 AND "resourceId" = $2', [member.id, resource.id]);
    expect(await totals(resource.id)).toEqual({ ratingCount: 1, ratingSum: stored!.score, rows: 1, scores: stored!.score });
    expect((await client.get(rating(resource.id))).body).toEqual({ average: stored!.score, count: 1, mine: stored!.score });
  });

  it('stays exact when the same member rates and removes in parallel', async () => {
    const { client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const { client } = await memberWithClient(t);
    await client.csrf();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? client.put(rating(resource.id), { score: (i % 5) + 1 }) : client.delete(rating(resource.id)))),
    );
    for (const response of responses) expect([200, 404]).toContain(response.status);
    const after = await totals(resource.id);
    expect(after.ratingCount).toBe(after.rows);
    expect(after.ratingSum).toBe(after.scores);
    expect(after.rows).toBeLessThanOrEqual(1);
  });
});
