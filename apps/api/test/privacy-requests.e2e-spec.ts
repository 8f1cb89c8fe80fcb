import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivacyRequestsService } from '../src/modules/privacy-requests/privacy-requests.service.js';
import { memberWithClient, moderatorClient, staffMember } from './factories/members.js';
import type { HttpClient } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: HttpClient;
let adminId: string;
beforeAll(async () => {
  t = await startTestApp({ PRIVACY_CONTACT_EMAIL: 'dpo@scholengroep.example', FEEDBACK_RETENTION_DAYS: '30', PRIVACY_REQUEST_RETENTION_DAYS: '365' });
  const staff = await staffMember(t, 'admin');
  admin = staff.client;
  adminId = staff.member.id;
});
afterAll(() => t.close());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const DAY = 24 * 3600 * 1000;

describe('filing a request', () => {
  it('takes a signed-out request with an e-mail address and gives a one-month deadline', async () => {
    const response = await t.client().post('/api/privacy-requests', { kind: 'objection', message: 'Ik maak bezwaar tegen de nieuwsbrief op mijn adres.', email: 'Iemand@Example.org', name: 'Iemand', locale: 'en' });
    expect(response.status).toBe(201);
    const received = Date.parse(response.body.receivedAt);
    const due = new Date(response.body.dueAt);
    const expected = new Date(received);
    expect(due.getTime() - received).toBeGreaterThanOrEqual(28 * DAY);
    expect(due.getTime() - received).toBeLessThanOrEqual(31 * DAY);
    expect(due.getUTCHours()).toBe(expected.getUTCHours());
    const [row] = await t.sql<{ email: string; memberId: string | null; locale: string }>('SELECT email, "memberId", locale FROM "PrivacyRequest" WHERE id = $1', [response.body.id]);
    expect(row).toEqual({ email: 'iemand@example.org', memberId: null, locale: 'en' });
  });

  it("uses a signed-in member's own address, and lists the member's own requests only", async () => {
    const { member, client } = await memberWithClient(t);
    const filed = await client.post('/api/privacy-requests', { kind: 'rectification', message: 'Mijn school staat verkeerd in mijn profiel.' });
    expect(filed.status).toBe(201);
    expect((await client.post('/api/privacy-requests', { kind: 'question', message: 'Welke gegevens krijgen partners?', email: 'ander@example.org' })).status).toBe(400);
    const [row] = await t.sql<{ email: string; memberId: string }>('SELECT email, "memberId" FROM "PrivacyRequest" WHERE id = $1', [filed.body.id]);
    expect(row).toEqual({ email: member.email, memberId: member.id });

    const mine = await client.get('/api/account/privacy-requests');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: filed.body.id, kind: 'rectification', status: 'open', answer: null })]);
    const { client: other } = await memberWithClient(t);
    expect((await other.get('/api/account/privacy-requests')).body.items).toEqual([]);
    expect((await t.client().get('/api/account/privacy-requests')).status).toBe(401);
  });

  it('refuses bad input as problem+json', async () => {
    const visitor = t.client();
    for (const bad of [
      { kind: 'question', message: 'Te kort', email: 'a@example.org' },
      { kind: 'klacht', message: 'Een bericht dat lang genoeg is.', email: 'a@example.org' },
      { kind: 'question', message: 'Een bericht dat lang genoeg is.' },
      { kind: 'question', message: 'Een bericht dat lang genoeg is.', email: 'geen-adres' },
      { kind: 'question', message: 'Een bericht dat lang genoeg is.', email: 'a@example.org', extra: true },
    ]) {
      const response = await visitor.post('/api/privacy-requests', bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

describe("the admins' queue", () => {
  it('lists requests by deadline with the overdue ones marked, assigns, answers and e-mails the outcome (audited)', async () => {
    const { client } = await memberWithClient(t);
    const late = (await t.client().post('/api/privacy-requests', { kind: 'restriction', message: 'Beperk de verwerking van mijn gegevens aub.', email: 'laat@example.org', name: 'Lotte' })).body;
    await t.sql(`UPDATE "PrivacyRequest" SET "receivedAt" = now() - interval '40 days', "dueAt" = now() - interval '9 days' WHERE id = $1`, [late.id]);
    const fresh = (await client.post('/api/privacy-requests', { kind: 'question', message: 'Hoe lang bewaren jullie mijn zoekgeschiedenis?' })).body;

    const queue = (await admin.get('/api/admin/privacy-requests?status=open')).body.items as Array<{ id: string; overdue: boolean; email: string }>;
    const ids = queue.map((item) => item.id);
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(fresh.id));
    expect(queue.find((item) => item.id === late.id)).toMatchObject({ overdue: true, email: 'laat@example.org' });
    expect(queue.find((item) => item.id === fresh.id)).toMatchObject({ overdue: false });
    expect((await admin.get('/api/admin/privacy-requests?kind=restriction')).body.items.map((i: { id: string }) => i.id)).toContain(late.id);

    const assigned = await admin.post(`/api/admin/privacy-requests/${late.id}/assign`, { assigneeId: adminId });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'in_progress', assignee: { id: adminId } });

    const answered = await admin.post(`/api/admin/privacy-requests/${late.id}/answer`, { outcome: 'answered', answer: 'We hebben de verwerking van je gegevens beperkt tot bewaren.' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', overdue: false, closedBy: { id: adminId }, answer: 'We hebben de verwerking van je gegevens beperkt tot bewaren.' });
    const mail = await t.mail.waitFor('laat@example.org', /Antwoord op je verzoek/);
    expect(mail.text).toContain('Dag Lotte,');
    expect(mail.text).toContain('beperking van de verwerking');
    expect(mail.text).toContain('We hebben de verwerking van je gegevens beperkt tot bewaren.');
    expect(mail.text).toContain('dpo@scholengroep.example');

    // The member's own request, rejected: the member's address gets the outcome and sees it in their list.
    const rejected = await admin.post(`/api/admin/privacy-requests/${fresh.id}/answer`, { outcome: 'rejected', answer: 'Dit valt buiten onze verwerking.' });
    expect(rejected.body).toMatchObject({ status: 'rejected', assignee: { id: adminId } });
    const mine = (await client.get('/api/account/privacy-requests')).body.items;
    expect(mine[0]).toMatchObject({ id: fresh.id, status: 'rejected', answer: 'Dit valt buiten onze verwerking.' });

    // Closed is closed.
    expect((await admin.post(`/api/admin/privacy-requests/${late.id}/answer`, { outcome: 'rejected', answer: 'Toch niet.' })).status).toBe(409);
    expect((await admin.post(`/api/admin/privacy-requests/${late.id}/assign`, { assigneeId: null })).status).toBe(409);

    const audit = (await admin.get(`/api/admin/audit?targetId=${late.id}`)).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['privacy_request.answered', 'privacy_request.assigned']);
  });

  it('sends the outcome in English to an English requester', async () => {
    const filed = (await t.client().post('/api/privacy-requests', { kind: 'feedback', message: 'The search page is great, thanks!', email: 'reader@example.org', locale: 'en' })).body;
    await admin.post(`/api/admin/privacy-requests/${filed.id}/answer`, { outcome: 'answered', answer: 'Thank you for the kind words.' });
    const mail = await t.mail.waitFor('reader@example.org', /Answer to your request/);
    expect(mail.text).toContain('Hello,');
    expect(mail.text).toContain('Thank you for the kind words.');
  });

  it('is for admins only, refuses bad input and unknown requests', async () => {
    const filed = (await t.client().post('/api/privacy-requests', { kind: 'question', message: 'Een vraag voor de DPO over bewaartermijnen.', email: 'vraag@example.org' })).body;
    const { member, client: memberClient } = await memberWithClient(t);
    const moderator = await moderatorClient(t);
    expect((await t.client().get('/api/admin/privacy-requests')).status).toBe(401);
    expect((await memberClient.get('/api/admin/privacy-requests')).status).toBe(403);
    expect((await moderator.get(`/api/admin/privacy-requests/${filed.id}`)).status).toBe(403);
    expect((await moderator.post(`/api/admin/privacy-requests/${filed.id}/answer`, { outcome: 'answered', answer: 'x' })).status).toBe(403);
    expect((await admin.get(`/api/admin/privacy-requests/${filed.id}`)).body).toMatchObject({ id: filed.id, status: 'open', email: 'vraag@example.org' });

    for (const [path, body] of [
      [`/api/admin/privacy-requests/${filed.id}/answer`, { outcome: 'maybe', answer: 'x' }],
      [`/api/admin/privacy-requests/${filed.id}/answer`, { outcome: 'answered', answer: '' }],
      [`/api/admin/privacy-requests/${filed.id}/assign`, { assigneeId: 'iemand' }],
      // Only admins can be assigned.
      [`/api/admin/privacy-requests/${filed.id}/assign`, { assigneeId: member.id }],
    ] as const) {
      const response = await admin.post(path, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await admin.get('/api/admin/privacy-requests?status=gone')).status).toBe(400);
    expect((await admin.get('/api/admin/privacy-requests/nope')).status).toBe(400);
    expect((await admin.get(`/api/admin/privacy-requests/${UNKNOWN}`)).status).toBe(404);
    expect((await admin.post(`/api/admin/privacy-requests/${UNKNOWN}/assign`, { assigneeId: adminId })).status).toBe(404);
    expect((await admin.post(`/api/admin/privacy-requests/${UNKNOWN}/answer`, { outcome: 'answered', answer: 'x' })).status).toBe(404);
  });
});

describe('retention', () => {
  it('purges feedback and requests once closed longer than their configured periods, and nothing open', async () => {
    const file = async (kind: string) => (await t.client().post('/api/privacy-requests', { kind, message: 'Een bericht om de bewaring te testen.', email: 'bewaring@example.org' })).body.id as string;
    const [oldFeedback, recentFeedback, oldQuestion, olderQuestion, openFeedback] = await Promise.all([file('feedback'), file('feedback'), file('question'), file('question'), file('feedback')]);
    const close = (id: string, daysAgo: number) => t.sql(`UPDATE "PrivacyRequest" SET status = 'answered', answer = 'ok', "closedAt" = now() - make_interval(days => $2) WHERE id = $1`, [id, daysAgo]);
    await close(oldFeedback, 31);
    await close(recentFeedback, 29);
    await close(oldQuestion, 100);
    await close(olderQuestion, 366);
    await t.sql(`UPDATE "PrivacyRequest" SET "receivedAt" = now() - interval '400 days' WHERE id = $1`, [openFeedback]);

    await t.app.get(PrivacyRequestsService).purge();
    const left = (await t.sql<{ id: string }>('SELECT id FROM "PrivacyRequest" WHERE id = ANY($1::uuid[])', [[oldFeedback, recentFeedback, oldQuestion, olderQuestion, openFeedback]])).map((r) => r.id);
    expect(left.sort()).toEqual([recentFeedback, oldQuestion, openFeedback].sort());
  });
});
