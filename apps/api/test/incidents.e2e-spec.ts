import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithClient, moderatorClient } from './factories/members.js';
import type { HttpClient } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: HttpClient;
beforeAll(async () => {
  t = await startTestApp({ OPERATOR_NAME: 'Scholengroep Voorbeeld', PRIVACY_CONTACT_EMAIL: 'dpo@scholengroep.example' });
  admin = await moderatorClient(t, 'admin');
});
afterAll(() => t.close());

const incident = {
  foundAt: '2026-11-20T09:30:00.000Z',
  occurredAt: '2026-11-19T22:00:00.000Z',
  nature: 'Een export met e-mailadressen stond een uur publiek leesbaar.',
  cause: 'Verkeerde rechten op een opslagmap.',
  measures: 'Rechten hersteld, toegangslogs nagekeken, sleutel vervangen.',
  dataCategories: ['e-mailadres', 'naam'],
  peopleAffected: 120,
  recordsAffected: 120,
};

describe('the incident register', () => {
  it('records, updates, lists and exports incidents, audited', async () => {
    const created = await admin.post('/api/admin/incidents', incident);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...incident, status: 'open', authorityNotifiedAt: null, peopleNotifiedAt: null });

    const closed = await admin.put(`/api/admin/incidents/${created.body.id}`, { ...incident, authorityNotifiedAt: '2026-11-21T10:00:00.000Z', peopleNotifiedAt: '2026-11-21T12:00:00.000Z', status: 'closed' });
    expect(closed.body).toMatchObject({ status: 'closed', authorityNotifiedAt: '2026-11-21T10:00:00.000Z' });
    expect((await admin.get('/api/admin/incidents?status=closed')).body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
    expect((await admin.get('/api/admin/incidents?status=open')).body.items.map((i: { id: string }) => i.id)).not.toContain(created.body.id);
    expect((await admin.get(`/api/admin/incidents/${created.body.id}`)).body.nature).toBe(incident.nature);

    await admin.post('/api/admin/incidents', { ...incident, nature: '=HYPERLINK("https://evil.example","klik")', cause: 'Test, met "aanhalingstekens"' });
    const csv = await admin.get('/api/admin/incidents/export.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,foundAt,occurredAt,nature,cause,measures,dataCategories,peopleAffected,recordsAffected,authorityNotifiedAt,peopleNotifiedAt,status,createdAt,updatedAt');
    expect(lines).toHaveLength(3);
    expect(csv.text).toContain(`"'=HYPERLINK(""https://evil.example"",""klik"")"`);
    expect(csv.text).toContain('"Test, met ""aanhalingstekens"""');

    const audit = (await admin.get(`/api/admin/audit?targetId=${created.body.id}`)).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['incident.updated', 'incident.registered']);
  });

  it('is for admins only and refuses bad input', async () => {
    const { client: member } = await memberWithClient(t);
    const moderator = await moderatorClient(t);
    expect((await t.client().get('/api/admin/incidents')).status).toBe(401);
    expect((await member.get('/api/admin/incidents')).status).toBe(403);
    expect((await moderator.get('/api/admin/incidents')).status).toBe(403);
    expect((await moderator.get('/api/admin/incidents/export.csv')).status).toBe(403);
    expect((await moderator.post('/api/admin/incidents', incident)).status).toBe(403);
    for (const bad of [{ ...incident, foundAt: 'gisteren' }, { ...incident, nature: '' }, { ...incident, peopleAffected: -1 }, { ...incident, occurredAt: '2026-11-21T00:00:00.000Z' }, { ...incident, extra: 1 }]) {
      const response = await admin.post('/api/admin/incidents', bad);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await admin.get('/api/admin/incidents/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.put('/api/admin/incidents/00000000-0000-4000-8000-000000000000', incident)).status).toBe(404);
    expect((await admin.get('/api/admin/incidents/nope')).status).toBe(400);
    expect((await admin.get('/api/admin/incidents?status=gone')).status).toBe(400);
  });
});

describe('the public sub-processors page', () => {
  it('names the operator, the sub-processors the admins list and the active partners', async () => {
    const empty = await t.client().get('/api/sub-processors');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ operator: { name: 'Scholengroep Voorbeeld', privacyEmail: 'dpo@scholengroep.example' }, subProcessors: [], updatedAt: null });

    const items = [{ name: 'Hosting BV', service: 'Servers en back-ups', location: 'België', website: 'https://hosting.example' }, { name: 'Mailer NV', service: 'E-mail versturen', location: 'Nederland', website: null }];
    expect((await admin.put('/api/admin/settings/sub-processors', { items })).status).toBe(200);
    const page = (await t.client().get('/api/sub-processors')).body;
    expect(page.subProcessors).toEqual(items);
    expect(page.updatedAt).not.toBeNull();

    const moderator = await moderatorClient(t);
    expect((await moderator.put('/api/admin/settings/sub-processors', { items })).status).toBe(403);
    expect((await t.client().put('/api/admin/settings/sub-processors', { items })).status).toBe(401);
    expect((await admin.put('/api/admin/settings/sub-processors', { items: [{ ...items[0], website: 'javascript:alert(1)' }] })).status).toBe(400);
    expect((await admin.put('/api/admin/settings/sub-processors', { items: [{ name: 'X' }] })).status).toBe(400);
  });
});
