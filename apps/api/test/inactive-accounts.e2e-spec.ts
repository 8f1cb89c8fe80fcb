import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../src/core/outbox/job-queue.js';
import { INACTIVE_ACCOUNTS_JOB } from '../src/modules/privacy/deletion/inactive-accounts.service.js';
import { createMember, memberWithClient, signIn, staffMember } from './factories/members.js';
import { waitUntil } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const DAY = 24 * 3600 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const setActivity = (id: string, lastActiveAt: Date, inactivityWarnedAt: Date | null = null) =>
  t.sql('UPDATE "Member" SET "lastActiveAt" = $2, "inactivityWarnedAt" = $3 WHERE id = $1', [id, lastActiveAt, inactivityWarnedAt]);
const exists = async (id: string) => (await t.sql('SELECT 1 FROM "Member" WHERE id = $1', [id])).length === 1;

describe('accounts unused for three years', () => {
  it('warns 30 days before, deletes when still unused after the warning, and logging in keeps the account; each run is recorded', async () => {
    const dormant = await createMember(t, { firstName: 'Slapend', lastName: 'Lid' });
    const returning = await createMember(t, { firstName: 'Terug', lastName: 'Keerder' });
    const recent = await createMember(t, { firstName: 'Actief', lastName: 'Lid' });
    const admin = await createMember(t, { role: 'admin' });
    for (const member of [dormant, returning, admin]) await setActivity(member.id, ago(1095 - 29));
    await setActivity(recent.id, ago(1000));

    await t.app.get(JobQueue).runNow(INACTIVE_ACCOUNTS_JOB);
    const warning = await t.mail.waitFor(dormant.email, /Je Lesplein-account wordt binnenkort verwijderd/);
    expect(warning.text).toMatch(/drie jaar/);
    expect(warning.text).toContain('/login');
    await t.mail.waitFor(returning.email, /binnenkort verwijderd/);
    const warned = await t.sql<{ id: string }>('SELECT id FROM "Member" WHERE "inactivityWarnedAt" IS NOT NULL');
    expect(warned.map((row) => row.id).sort()).toEqual([dormant.id, returning.id].sort());

    // A second run the same day warns nobody again and deletes nobody yet.
    await t.app.get(JobQueue).runNow(INACTIVE_ACCOUNTS_JOB);
    expect(await exists(dormant.id)).toBe(true);

    // 31 days later: the dormant member is deleted; the one who logged in meanwhile is kept.
    await setActivity(dormant.id, ago(1095 + 2), ago(31));
    await signIn(t, returning); // logging in marks the account as used
    await t.sql(`UPDATE "Member" SET "inactivityWarnedAt" = $2 WHERE id = $1`, [returning.id, ago(31)]);
    await t.app.get(JobQueue).runNow(INACTIVE_ACCOUNTS_JOB);
    await waitUntil(async () => !(await exists(dormant.id)), 20_000, 'the dormant account is deleted');
    await t.mail.waitFor(dormant.email, /Je account is verwijderd/);
    expect(await exists(returning.id)).toBe(true);
    expect(await exists(recent.id)).toBe(true);
    expect(await exists(admin.id)).toBe(true);
    const [deletion] = await t.sql<{ reason: string; keepContributions: boolean }>(`SELECT reason, "keepContributions" FROM "AccountDeletion" WHERE reason = 'inactivity'`);
    expect(deletion).toEqual({ reason: 'inactivity', keepContributions: true });

    const runs = await t.sql<{ outcome: string; counts: Record<string, number> }>(`SELECT outcome, counts FROM "RetentionRun" WHERE job = $1 ORDER BY id`, [INACTIVE_ACCOUNTS_JOB]);
    expect(runs).toEqual([
      { outcome: 'completed', counts: { warned: 2, deletionsStarted: 0 } },
      { outcome: 'completed', counts: { warned: 0, deletionsStarted: 0 } },
      { outcome: 'completed', counts: { warned: 0, deletionsStarted: 1 } },
    ]);
  });
});

describe('the record of retention runs', () => {
  it('records failed runs too, and shows admins the last run of each job and every run', async () => {
    const jobs = t.app.get(JobQueue);
    jobs.define({ name: 'test.failing-purge', retention: true, handler: () => Promise.reject(new Error('storage unreachable')) });
    await expect(jobs.runNow('test.failing-purge')).rejects.toThrow('storage unreachable');
    await jobs.runNow('accounts.purge-logs');
    await jobs.runNow('accounts.purge-logs');

    const { client: admin } = await staffMember(t, 'admin');
    const page = await admin.get('/api/admin/retention-runs?limit=2');
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const latest = Object.fromEntries((page.body.latest as { job: string; outcome: string; error: string | null }[]).map((run) => [run.job, run]));
    expect(latest['test.failing-purge']).toMatchObject({ outcome: 'failed', error: 'storage unreachable' });
    expect(latest['accounts.purge-logs']).toMatchObject({ outcome: 'completed', counts: expect.objectContaining({ loginAttempts: expect.any(Number) }) });
    const next = await admin.get(`/api/admin/retention-runs?limit=2&cursor=${page.body.nextCursor}`);
    expect(next.status).toBe(200);
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    const filtered = await admin.get('/api/admin/retention-runs?job=test.failing-purge');
    expect(filtered.body.items.map((run: { job: string }) => run.job)).toEqual(['test.failing-purge']);

    for (const bad of ['limit=0', 'limit=abc', 'cursor=x', 'job=DROP%20TABLE', 'extra=1']) {
      const response = await admin.get(`/api/admin/retention-runs?${bad}`);
      expect(response.status, bad).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await t.client().get('/api/admin/retention-runs')).status).toBe(401);
    const { client: member } = await memberWithClient(t);
    expect((await member.get('/api/admin/retention-runs')).status).toBe(403);
  });
});
