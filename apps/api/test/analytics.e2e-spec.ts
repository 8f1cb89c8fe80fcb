import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageViewsService } from '../src/modules/analytics/page-views.service.js';
import { memberWithClient, moderatorClient } from './factories/members.js';
import type { HttpClient } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await moderatorClient(t, 'admin');
});
afterAll(() => t.close());

const today = () => new Date().toISOString().slice(0, 10);

describe('the page-view counter', () => {
  it('counts views per day and route pattern, without cookies, CSRF token or anything about the visitor', async () => {
    const visitor = t.client();
    for (let i = 0; i < 12; i++) {
      const response = await visitor.post('/api/analytics/page-views', { route: '/resources/:id' }, { csrf: false });
      expect(response.status).toBe(204);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    for (let i = 0; i < 3; i++) await visitor.post('/api/analytics/page-views', { route: '/search' }, { csrf: false });

    const rows = await t.sql<{ day: string; route: string; count: number }>(`SELECT to_char(day, 'YYYY-MM-DD') AS day, route, count FROM "PageViewCount" ORDER BY route`);
    expect(rows).toEqual([
      { day: today(), route: '/resources/:id', count: 12 },
      { day: today(), route: '/search', count: 3 },
    ]);
    // The table has no column for anything about the visitor.
    const columns = (await t.sql<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'PageViewCount' ORDER BY column_name`)).map((c) => c.column_name);
    expect(columns).toEqual(['count', 'day', 'route']);
  });

  it('refuses addresses and unknown routes (only known patterns are counted)', async () => {
    for (const bad of [{ route: '/resources/0b6d8a3e-1f7e-4c1a-9d5b-2c3f4a5b6c7d' }, { route: '/members/an-peeters' }, { route: '/onbekend' }, {}, { route: '/search', visitor: 'x' }]) {
      const response = await t.client().post('/api/analytics/page-views', bad, { csrf: false });
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('shows admins the counts per route and per day, suppressing counts from 1 to 9', async () => {
    const stats = await admin.get(`/api/admin/analytics/page-views?from=${today()}&to=${today()}`);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ from: today(), to: today(), suppressedBelow: 10, total: 15, days: [{ day: today(), views: 15 }] });
    expect(stats.body.routes).toEqual([
      { route: '/resources/:id', views: 12 },
      { route: '/search', views: null },
    ]);
    const defaults = (await admin.get('/api/admin/analytics/page-views')).body;
    expect(defaults.days).toHaveLength(30);
    expect(defaults.to).toBe(today());
    const empty = (await admin.get('/api/admin/analytics/page-views?from=2020-01-01&to=2020-01-02')).body;
    expect(empty).toMatchObject({ total: 0, routes: [], days: [{ day: '2020-01-01', views: 0 }, { day: '2020-01-02', views: 0 }] });
  });

  it('is for admins only and refuses bad ranges', async () => {
    const { client: member } = await memberWithClient(t);
    expect((await t.client().get('/api/admin/analytics/page-views')).status).toBe(401);
    expect((await member.get('/api/admin/analytics/page-views')).status).toBe(403);
    expect((await (await moderatorClient(t)).get('/api/admin/analytics/page-views')).status).toBe(403);
    for (const query of ['from=gisteren', 'from=2026-03-02&to=2026-03-01', 'from=2024-01-01&to=2026-01-01', 'from=2001-01-01', 'from=0000-01-01&to=0000-01-05', 'week=1']) {
      const response = await admin.get(`/api/admin/analytics/page-views?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('deletes counts older than 24 months', async () => {
    await t.sql(`INSERT INTO "PageViewCount" (day, route, count) VALUES (current_date - interval '25 months', '/', 40), (current_date - interval '23 months', '/', 41)`);
    await t.app.get(PageViewsService).purge();
    const left = (await t.sql<{ count: number }>(`SELECT count FROM "PageViewCount" WHERE route = '/' ORDER BY day`)).map((r) => r.count);
    expect(left).toEqual([41]);
  });
});
