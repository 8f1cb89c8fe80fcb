import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchHistoryService } from '../src/modules/search/activity/search-history.service.js';
import { createMember, memberWithClient, moderatorClient, signIn } from './factories/members.js';
import type { HttpClient } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await moderatorClient(t, 'admin');
});
afterAll(() => t.close());

const DAY = 24 * 3600 * 1000;
const isoDay = (msAgo = 0) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);

describe('admin search figures', () => {
  it('shows totals and the queries searched at least 10 times in the last 30 days, rarer ones left out', async () => {
    const recorder = t.app.get(SearchHistoryService);
    const { member } = await memberWithClient(t);
    const search = async (q: string, times: number, total: number, memberId: string | null = null) => {
      for (let i = 0; i < times; i++) await recorder.recordSearch({ memberId, filters: { q }, total });
    };
    await search('Breuken', 9, 4);
    await search('breuken ', 3, 0, member.id);
    await search('zeldzame vraag', 9, 0);
    await search('niets  gevonden', 10, 0);
    await recorder.recordSearch({ memberId: null, filters: { subject: ['wiskunde'] }, total: 2 });
    // Outside the default period (31 days ago): not counted.
    await t.sql(`INSERT INTO "SearchQueryStat" (day, query, searches, "zeroResultSearches") VALUES ($1::date, 'breuken', 50, 50)`, [isoDay(31 * DAY)]);

    const response = await admin.get('/api/admin/search-stats');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      from: isoDay(29 * DAY),
      to: isoDay(),
      totalSearches: 9 + 3 + 9 + 10 + 1,
      zeroResultSearches: 3 + 9 + 10,
      topQueries: [
        { query: 'breuken', count: 12 },
        { query: 'niets gevonden', count: 10 },
      ],
      zeroResultQueries: [{ query: 'niets gevonden', count: 10 }],
      minimumCount: 10,
    });
    expect(JSON.stringify(response.body)).not.toContain('zeldzame');

    // An explicit period that includes the older day.
    const wider = await admin.get(`/api/admin/search-stats?from=${isoDay(40 * DAY)}&to=${isoDay()}`);
    expect(wider.body.topQueries[0]).toEqual({ query: 'breuken', count: 62 });
    expect(wider.body.zeroResultQueries).toEqual([{ query: 'breuken', count: 53 }, { query: 'niets gevonden', count: 10 }]);
    const onlyOld = await admin.get(`/api/admin/search-stats?from=${isoDay(31 * DAY)}&to=${isoDay(31 * DAY)}`);
    expect(onlyOld.body).toMatchObject({ totalSearches: 50, zeroResultSearches: 50, topQueries: [{ query: 'breuken', count: 50 }] });
    const empty = await admin.get('/api/admin/search-stats?from=2020-01-01&to=2020-01-31');
    expect(empty.body).toEqual({ from: '2020-01-01', to: '2020-01-31', totalSearches: 0, zeroResultSearches: 0, topQueries: [], zeroResultQueries: [], minimumCount: 10 });
  });

  it('refuses bad dates and periods with 400 problem+json', async () => {
    for (const query of ['from=2026-13-01', 'to=gisteren', 'from=2026-02-10&to=2026-02-01', 'from=2020-01-01&to=2022-01-01', 'period=week']) {
      const response = await admin.get(`/api/admin/search-stats?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('validation_failed');
    }
  });

  it('is for admins only: 401 for visitors, 403 for members, moderators and admins without 2FA', async () => {
    expect((await t.client().get('/api/admin/search-stats')).status).toBe(401);
    const { client: member } = await memberWithClient(t);
    const forbidden = await member.get('/api/admin/search-stats');
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toContain('application/problem+json');
    expect(forbidden.body.code).toBe('forbidden');
    expect((await (await moderatorClient(t, 'moderator')).get('/api/admin/search-stats')).body.code).toBe('forbidden');
    const pending = await signIn(t, await createMember(t, { role: 'admin' }));
    const noSecondFactor = await pending.get('/api/admin/search-stats');
    expect(noSecondFactor.status).toBe(403);
    expect(noSecondFactor.body.code).toBe('second_factor_required');
  });
});
