import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetentionService } from '../src/modules/accounts/retention.service.js';
import { createMember, signIn } from './factories/members.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('retention of security logs', () => {
  it('deletes log-in attempts older than 24 hours and keeps newer ones', async () => {
    const member = await createMember(t);
    await signIn(t, member);
    await t.client().post('/api/auth/login', { email: member.email, password: 'Verkeerd-Wachtwoord-1' });
    const insert = (hoursAgo: number) =>
      t.sql(`INSERT INTO "LoginAttempt" (at, outcome, "memberId", "emailHash", "ipPrefix") VALUES (now() - make_interval(secs => $1::float8 * 3600), 'bad_password', $2, 'old', '10.0.0.0/24')`, [hoursAgo, member.id]);
    await insert(25);
    await insert(24.1);
    await insert(23.9);
    const before = await t.sql<{ count: string }>('SELECT count(*) FROM "LoginAttempt" WHERE "memberId" = $1', [member.id]);
    expect(Number(before[0]!.count)).toBe(5);

    const result = await t.app.get(RetentionService).purge();
    expect(result.loginAttempts).toBe(2);
    const left = await t.sql<{ hours: number }>('SELECT extract(epoch FROM now() - at) / 3600 AS hours FROM "LoginAttempt" WHERE "memberId" = $1', [member.id]);
    expect(left).toHaveLength(3);
    for (const row of left) expect(Number(row.hours)).toBeLessThan(24);
  });

  it('deletes log-in history older than 90 days, expired sessions and challenges', async () => {
    const member = await createMember(t);
    const client = await signIn(t, member);
    await t.sql(`INSERT INTO "LoginHistoryEntry" (at, "memberId") VALUES (now() - interval '91 days', $1), (now() - interval '89 days', $1)`, [member.id]);
    await t.sql(`INSERT INTO "Session" (id, "memberId", "expiresAt") VALUES ($1, $2, now() - interval '1 minute')`, ['e'.repeat(64), member.id]);
    const result = await t.app.get(RetentionService).purge();
    expect(result.loginHistory).toBe(1);
    expect(result.sessions).toBe(1);
    expect((await client.get('/api/account/login-history')).body.items).toHaveLength(2);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('follows the configured windows', async () => {
    const short = await startTestApp({ LOGIN_ATTEMPT_RETENTION_HOURS: '1' });
    try {
      await short.sql(`INSERT INTO "LoginAttempt" (at, outcome, "emailHash", "ipPrefix") VALUES (now() - interval '2 hours', 'unknown_account', 'x', '10.0.0.0/24'), (now() - interval '30 minutes', 'unknown_account', 'x', '10.0.0.0/24')`);
      expect((await short.app.get(RetentionService).purge()).loginAttempts).toBe(1);
    } finally {
      await short.close();
    }
  });
});
