import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './factories/members.js';
import { exitCode, runEntry } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const cli = async (...args: string[]) => {
  const child = runEntry('cli', args, { DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent' });
  return { code: await exitCode(child), output: child.output() };
};

describe('npm run cli', () => {
  it('member:create makes a verified member who can log in', { timeout: 60_000 }, async () => {
    const result = await cli('member:create', '--email', 'Bulk.Lid@School.be', '--password', 'Bulk-Onboarding-2026', '--first-name', 'Bulk', '--last-name', 'Lid');
    expect(result.code, result.output).toBe(0);
    expect(JSON.parse(result.output.trim().split('\n').at(-1)!)).toMatchObject({ email: 'bulk.lid@school.be', role: 'member' });
    const client = await signIn(t, { email: 'bulk.lid@school.be', password: 'Bulk-Onboarding-2026' });
    expect((await client.get('/api/auth/me')).body.role).toBe('member');
  });

  it('admin:create makes an admin who must set up 2FA first', { timeout: 60_000 }, async () => {
    const result = await cli('admin:create', '--email', 'beheer@school.be', '--password', 'Beheer-Sterk-Wachtwoord-1');
    expect(result.code, result.output).toBe(0);
    const client = await signIn(t, { email: 'beheer@school.be', password: 'Beheer-Sterk-Wachtwoord-1' });
    expect((await client.get('/api/auth/me')).body).toMatchObject({ role: 'admin', twoFactorSetupRequired: true });
  });

  it('refuses weak passwords, duplicates and missing options with a non-zero exit', { timeout: 90_000 }, async () => {
    expect((await cli('member:create', '--email', 'a@school.be', '--password', 'password123', '--first-name', 'A', '--last-name', 'B')).output).toMatch(/weak_password/);
    const duplicate = await cli('member:create', '--email', 'bulk.lid@school.be', '--password', 'Bulk-Onboarding-2026', '--first-name', 'B', '--last-name', 'L');
    expect(duplicate.code).toBe(1);
    expect(duplicate.output).toMatch(/already exists/);
    expect((await cli('member:create', '--email', 'x@school.be')).code).toBe(2);
    expect((await cli('nonsense')).code).toBe(2);
  });
});
