import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

const newsletter = {
  subjectNl: 'Nieuw op Lesplein: leerpaden',
  subjectEn: 'New on Lesplein: learning paths',
  bodyNl: 'Vanaf vandaag bundel je leermiddelen in leerpaden.\n\nKom op 12 maart naar de webinar.',
  bodyEn: 'From today you can bundle resources into learning paths.\n\nJoin the webinar on 12 March.',
};

describe('newsletter consent', () => {
  it('is off by default; each change is appended as evidence and the database refuses edits', async () => {
    const { member, client } = await memberWithClient(t);
    expect((await client.get('/api/account/newsletter')).body).toEqual({ subscribed: false, history: [] });

    const on = await client.put('/api/account/newsletter', { subscribed: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ subscribed: true, history: [{ granted: true, source: 'settings' }] });
    // The same choice twice records nothing new.
    expect((await client.put('/api/account/newsletter', { subscribed: true })).body.history).toHaveLength(1);
    const off = (await client.put('/api/account/newsletter', { subscribed: false })).body;
    expect(off).toMatchObject({ subscribed: false, history: [{ granted: false }, { granted: true }] });

    await expect(t.sql('UPDATE "NewsletterConsent" SET granted = true WHERE "memberId" = $1', [member.id])).rejects.toThrow(/append-only/);
    await expect(t.sql('TRUNCATE "NewsletterConsent"')).rejects.toThrow(/append-only/);
  });

  it('refuses bad input and visitors', async () => {
    const { client } = await memberWithClient(t);
    for (const bad of [{ subscribed: 'ja' }, {}, { subscribed: true, extra: 1 }]) {
      const response = await client.put('/api/account/newsletter', bad);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await t.client().get('/api/account/newsletter')).status).toBe(401);
    expect((await t.client().put('/api/account/newsletter', { subscribed: true })).status).toBe(401);
  });
});

describe('sending a newsletter', () => {
  it('goes only to members who opted in, in their language, with a one-click unsubscribe that works without logging in', async () => {
    const { member: yes, client: yesClient } = await memberWithClient(t, { firstName: 'Ja' });
    const { member: no } = await memberWithClient(t, { firstName: 'Nee' });
    const { member: changed, client: changedClient } = await memberWithClient(t, { firstName: 'Later' });
    const { member: english, client: englishClient } = await memberWithClient(t, { firstName: 'Emma' });
    await yesClient.put('/api/account/newsletter', { subscribed: true });
    await changedClient.put('/api/account/newsletter', { subscribed: true });
    await changedClient.put('/api/account/newsletter', { subscribed: false });
    await englishClient.put('/api/account/newsletter', { subscribed: true });
    await t.sql(`UPDATE "Member" SET locale = 'en' WHERE id = $1`, [english.id]);

    const before = (await admin.get('/api/admin/newsletters')).body.subscribers as number;
    const sent = await admin.post('/api/admin/newsletters', newsletter);
    expect(sent.status).toBe(201);
    expect(sent.body.recipientCount).toBe(before);
    expect(sent.body.recipientCount).toBeGreaterThanOrEqual(2);

    const mail = await t.mail.waitFor(yes.email, /Nieuw op Lesplein: leerpaden/);
    expect(mail.text).toContain('Dag Ja,');
    expect(mail.text).toContain('Kom op 12 maart naar de webinar.');
    expect(mail.text).toMatch(/Uitschrijven met één klik: http:\/\/localhost:5173\/newsletter\/unsubscribe\?token=/);
    const header = mail.rawHeaders['list-unsubscribe']!;
    expect(header).toMatch(/^<http:\/\/localhost:5173\/api\/newsletter\/unsubscribe\?token=[^>]+>$/);
    expect(mail.rawHeaders['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const englishMail = await t.mail.waitFor(english.email, /New on Lesplein: learning paths/);
    expect(englishMail.text).toContain('Hello Emma,');
    // Every mail of this newsletter arrived (one per recipient), and none to those who did not opt in.
    const ofThisNewsletter = () => t.mail.all().filter((m) => /leerpaden|learning paths/.test(m.subject));
    await vi.waitFor(() => expect(ofThisNewsletter()).toHaveLength(sent.body.recipientCount), { timeout: 15_000, interval: 100 });
    expect(ofThisNewsletter().filter((m) => m.to.includes(no.email) || m.to.includes(changed.email))).toEqual([]);

    // What a mail client does for RFC 8058: POST the header's URL with the form body, no cookies.
    const url = header.slice(1, -1).replace('http://localhost:5173', t.url);
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ subscribed: false });
    expect((await yesClient.get('/api/account/newsletter')).body).toMatchObject({ subscribed: false, history: [{ granted: false, source: 'unsubscribe_link' }, { granted: true, source: 'settings' }] });
    const forged = url.replace(/token=([^.]+)\.([0-9a-f]{4})/, 'token=$1.0000');
    expect((await fetch(forged, { method: 'POST' })).status).toBe(400);
    expect((await fetch(`${t.url}/api/newsletter/unsubscribe`, { method: 'POST' })).status).toBe(400);

    // The next newsletter no longer goes to them.
    t.mail.clear();
    const second = await admin.post('/api/admin/newsletters', { ...newsletter, subjectNl: 'Tweede nieuwsbrief', subjectEn: 'Second newsletter' });
    expect(second.body.recipientCount).toBe(before - 1);
    await vi.waitFor(() => expect(t.mail.all().filter((m) => /Tweede nieuwsbrief|Second newsletter/.test(m.subject))).toHaveLength(second.body.recipientCount), { timeout: 15_000, interval: 100 });
    expect(t.mail.all().filter((m) => m.to.includes(yes.email))).toEqual([]);
    expect(t.mail.all().some((m) => m.to.includes(english.email))).toBe(true);

    const list = (await admin.get('/api/admin/newsletters')).body;
    expect(list.items.map((n: { subjectNl: string }) => n.subjectNl)).toEqual(['Tweede nieuwsbrief', 'Nieuw op Lesplein: leerpaden']);
    const audit = (await admin.get(`/api/admin/audit?targetId=${sent.body.id}`)).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['newsletter.sent']);
  });

  it('is for admins only and refuses bad input', async () => {
    const { client: member } = await memberWithClient(t);
    const moderator = await moderatorClient(t);
    expect((await t.client().post('/api/admin/newsletters', newsletter)).status).toBe(401);
    expect((await member.post('/api/admin/newsletters', newsletter)).status).toBe(403);
    expect((await moderator.get('/api/admin/newsletters')).status).toBe(403);
    for (const bad of [{ ...newsletter, subjectNl: '' }, { ...newsletter, bodyEn: undefined }, { ...newsletter, to: 'everyone' }]) {
      const response = await admin.post('/api/admin/newsletters', bad);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
