import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient, moderatorClient, TEST_PASSWORD } from './factories/members.js';
import { publishedLinkResource } from './factories/resources.js';
import type { HttpClient } from './support/http-client.js';
import { freePort, registerPartner } from './support/oidc-partner.js';
import { exitCode, runEntry } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: HttpClient;
beforeAll(async () => {
  const port = await freePort();
  t = await startTestApp({ PUBLIC_URL: `http://127.0.0.1:${port}` }, { port });
  await t.app.get(TaxonomyService).seedIfEmpty();
  admin = await moderatorClient(t, 'admin');
});
afterAll(() => t.close());

const verify = async () => {
  const child = runEntry('cli', ['audit:verify'], { DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent' });
  return { code: await exitCode(child), result: JSON.parse(child.output().trim().split('\n').at(-1)!) as Record<string, unknown> };
};

describe('the audit log', () => {
  it('records moderator, admin and security events, and admins browse them with filters', async () => {
    const { member, client: author } = await memberWithClient(t);
    const resource = await publishedLinkResource(author);
    const moderator = await moderatorClient(t);
    expect((await moderator.post(`/api/resources/${resource.id}/hide`, { reason: 'Auteursrecht nakijken' })).status).toBe(200);
    expect((await author.post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'Een-Nieuw-Sterk-Wachtwoord-9' })).status).toBeLessThan(300);
    const { partner } = await registerPartner(t, admin);
    expect((await admin.post(`/api/admin/partners/${partner.id}/suspend`)).status).toBe(200);

    const all = await admin.get('/api/admin/audit?limit=200');
    expect(all.status).toBe(200);
    const actions = all.body.items.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['resource.hidden', 'member.password_changed', 'partner.created', 'partner.suspended']));
    // Newest first.
    expect(actions.indexOf('partner.suspended')).toBeLessThan(actions.indexOf('partner.created'));

    const partnerEntries = await admin.get(`/api/admin/audit?action=partner.&targetId=${partner.id}`);
    expect(partnerEntries.body.items.map((entry: { action: string }) => entry.action)).toEqual(['partner.suspended', 'partner.created']);
    expect(partnerEntries.body.items[0]).toMatchObject({ actorRole: 'admin', targetType: 'partner', details: { consentsWithdrawn: 0 } });
    const hidden = (await admin.get(`/api/admin/audit?targetType=resource&targetId=${resource.id}`)).body.items;
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatchObject({ action: 'resource.hidden', actorRole: 'moderator', details: { previousState: 'published' } });
    // Ids only: no names or addresses of members in the logbook.
    expect(JSON.stringify(all.body)).not.toContain(member.email);
    expect(JSON.stringify(all.body)).not.toContain(member.lastName);

    const first = await admin.get('/api/admin/audit?limit=1');
    const second = await admin.get(`/api/admin/audit?limit=1&cursor=${first.body.nextCursor}`);
    expect(Number(second.body.items[0].seq)).toBeLessThan(Number(first.body.items[0].seq));
    const today = new Date().toISOString().slice(0, 10);
    expect((await admin.get(`/api/admin/audit?from=${today}&to=${today}`)).body.items.length).toBeGreaterThan(0);
  });

  it('is for admins only and refuses bad filters', async () => {
    const { client: member } = await memberWithClient(t);
    expect((await t.client().get('/api/admin/audit')).status).toBe(401);
    expect((await member.get('/api/admin/audit')).status).toBe(403);
    expect((await (await moderatorClient(t)).get('/api/admin/audit')).status).toBe(403);
    for (const query of ['action=DROP%20TABLE', 'limit=1000', 'from=2026-13-01', 'from=2026-11-02&to=2026-11-01', 'cursor=abc', 'actorId=iemand', 'colour=red']) {
      const response = await admin.get(`/api/admin/audit?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type'), query).toContain('application/problem+json');
    }
  });

  it('cannot be altered by the application, and the verify command detects a row changed behind its back', { timeout: 90_000 }, async () => {
    const [entry] = await t.sql<{ seq: string }>('SELECT seq FROM "AuditEntry" ORDER BY seq LIMIT 1');
    expect(entry).toBeDefined();
    await expect(t.sql(`UPDATE "AuditEntry" SET action = 'nothing' WHERE seq = $1`, [entry!.seq])).rejects.toThrow(/append-only/);
    await expect(t.sql('DELETE FROM "AuditEntry" WHERE seq = $1', [entry!.seq])).rejects.toThrow(/append-only/);
    await expect(t.sql('TRUNCATE "AuditEntry"')).rejects.toThrow(/append-only/);

    const intact = await verify();
    expect(intact.code).toBe(0);
    expect(intact.result).toMatchObject({ intact: true });
    expect(intact.result.entries).toBeGreaterThan(3);

    // Someone with the database owner's rights switches the guard off and edits an entry.
    await t.sql('ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"');
    await t.sql(`UPDATE "AuditEntry" SET "targetId" = 'someone-else' WHERE seq = $1`, [entry!.seq]);
    await t.sql('ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only"');
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.result).toMatchObject({ intact: false, broken: { seq: entry!.seq, reason: 'entry was altered' } });
  });
});
