import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient, moderatorClient } from './factories/members.js';
import { publishedLinkResource } from './factories/resources.js';
import type { HttpClient } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: HttpClient;
const month = new Date().toISOString().slice(0, 7);
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
  admin = await moderatorClient(t, 'admin');
});
afterAll(() => t.close());

describe('the statistics dashboard', () => {
  it('counts per month and suppresses counts from 1 to 9', async () => {
    const { client } = await memberWithClient(t);
    for (let i = 0; i < 10; i++) await publishedLinkResource(client, { title: `Wiskunde ${i}`, subjects: ['wiskunde'], levels: ['lager-4'] });
    for (let i = 0; i < 3; i++) await publishedLinkResource(client, { title: `Frans ${i}`, subjects: ['frans'], levels: ['lager-4'] });
    await t.sql(`INSERT INTO "SearchQueryStat" (day, query, searches, "zeroResultSearches") VALUES (current_date, 'breuken', 40, 4), (current_date, 'fotosynthese', 2, 2)`);

    const view = await admin.get(`/api/admin/stats?from=${month}&to=${month}`);
    expect(view.status).toBe(200);
    expect(view.body.months).toEqual([month]);
    expect(view.body.suppressedBelow).toBe(10);
    const bySubject = Object.fromEntries(view.body.resourcesBySubject.map((s: { key: string; counts: (number | null)[] }) => [s.key, s.counts[0]]));
    expect(bySubject).toEqual({ wiskunde: 10, frans: null });
    expect(view.body.resourcesBySubject.find((s: { key: string }) => s.key === 'wiskunde').nameNl).toBe('Wiskunde');
    expect(view.body.resourcesByLevel).toEqual([expect.objectContaining({ key: 'lager-4', counts: [13] })]);
    expect(view.body.searches).toEqual([42]);
    expect(view.body.zeroResultSearches).toEqual([null]);
    // A handful of log-ins: suppressed too.
    expect(view.body.activeMembers).toEqual([null]);
    expect(view.body.activeMembersKnownFrom <= month).toBe(true);
    const old = await admin.get('/api/admin/stats?from=2025-01&to=2025-02');
    expect(old.body.activeMembers).toEqual([null, null]);
    expect(old.body.activeMembersKnownFrom > '2025-02').toBe(true);
    expect(view.body.partnerAuthorisations).toEqual([0]);

    const csv = await admin.get(`/api/admin/stats/export.csv?from=${month}&to=${month}&dataset=resources-by-subject`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')).toEqual([`key,name,${month}`, 'frans,Frans,', 'wiskunde,Wiskunde,10', '']);
    const activity = await admin.get(`/api/admin/stats/export.csv?dataset=activity`);
    expect(activity.text.split('\r\n')[0]).toBe('month,activeMembers,searches,zeroResultSearches,partnerAuthorisations,partnerWithdrawals');
    expect(activity.text.split('\r\n')).toHaveLength(14);
  });

  it('is for admins only and refuses bad ranges', async () => {
    const { client: member } = await memberWithClient(t);
    expect((await t.client().get('/api/admin/stats')).status).toBe(401);
    expect((await member.get('/api/admin/stats')).status).toBe(403);
    expect((await (await moderatorClient(t)).get('/api/admin/stats')).status).toBe(403);
    for (const query of ['from=2026-13', 'from=2026-05&to=2026-01', 'from=2020-01&to=2026-01', 'from=vorige', 'dataset=all']) {
      const response = await admin.get(`/api/admin/stats?${query}`);
      expect(response.status, query).toBe(400);
    }
    expect((await admin.get('/api/admin/stats/export.csv')).status).toBe(400);
    expect((await admin.get('/api/admin/stats/export.csv?dataset=members')).status).toBe(400);
  });
});
