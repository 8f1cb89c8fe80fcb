import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keys } from '../src/core/crypto/keys.js';
import { openClientSecret } from '../src/modules/partners/partner-secrets.js';
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

  it('partner:create registers a partner like an admin would and prints its credentials once', { timeout: 60_000 }, async () => {
    const result = await cli(
      'partner:create',
      '--name', 'Uitgeverij Rekenrijk',
      '--redirect-uri', 'https://app.rekenrijk.example/callback',
      '--redirect-uri', 'https://app.rekenrijk.example/silent',
      '--scopes', 'openid profile email',
    );
    expect(result.code, result.output).toBe(0);
    const printed = JSON.parse(result.output.trim().split('\n').at(-1)!);
    expect(Object.keys(printed)).toEqual(['partnerId', 'clientId', 'clientSecret']);
    expect(printed.clientSecret).toMatch(/^[\w-]{43}$/);
    const [row] = await t.sql<{ clientId: string; clientSecretSealed: string; allowedScopes: string[]; contactEmail: string; websiteUrl: string; privacyPolicyUrl: string; dataCategories: string[]; purposes: string; version: number }>(
      `SELECT p."clientId", p."clientSecretSealed", p."allowedScopes", p."contactEmail", p."websiteUrl", p."privacyPolicyUrl", n."dataCategories", n.purposes, n.version
         FROM "Partner" p JOIN "PartnerNotice" n ON n."partnerId" = p.id WHERE p.id = $1`,
      [printed.partnerId],
    );
    expect(row).toMatchObject({
      clientId: printed.clientId,
      allowedScopes: ['openid', 'profile', 'email'],
      contactEmail: 'contact@app.rekenrijk.example',
      websiteUrl: 'https://app.rekenrijk.example',
      privacyPolicyUrl: 'https://app.rekenrijk.example/privacy',
      dataCategories: ['openid', 'profile', 'email'],
      purposes: expect.stringMatching(/To be completed by an admin/),
      version: 1,
    });
    expect(row!.clientSecretSealed).not.toContain(printed.clientSecret);
    expect(openClientSecret(t.app.get(Keys), row!.clientSecretSealed)).toBe(printed.clientSecret);
    const listed = (await t.client().get('/api/partners')).body.items.map((item: { name: string }) => item.name);
    expect(listed).toContain('Uitgeverij Rekenrijk');
  });

  it('partner:create refuses bad arguments with exit code 2 and a message', { timeout: 90_000 }, async () => {
    const https = ['--redirect-uri', 'https://app.rekenrijk.example/cb'];
    const cases: Array<[string[], RegExp]> = [
      [['--name', 'Zonder redirect'], /--redirect-uri/],
      [https, /--name/],
      [['--name', 'Onveilig', '--redirect-uri', 'http://app.rekenrijk.example/cb'], /redirectUris\.0/],
      [['--name', 'Fragment', '--redirect-uri', 'https://app.rekenrijk.example/cb#x'], /fragment/],
      [['--name', 'Scopes', ...https, '--scopes', 'openid shoe_size'], /allowedScopes/],
      [['--name', 'Auth', ...https, '--client-auth', 'private_key_jwt'], /clientAuth/],
      [['--name', 'Optie', ...https, '--colour', 'blue'], /Unknown option/],
      [['--name', 'Twee hosts', ...https, '--redirect-uri', 'https://login.rekenrijk.example/cb'], /one host/],
    ];
    for (const [args, message] of cases) {
      const result = await cli('partner:create', ...args);
      expect(result.code, `${args.join(' ')}: ${result.output}`).toBe(2);
      expect(result.output, args.join(' ')).toMatch(message);
    }
    const [count] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Partner" WHERE name IN ('Onveilig', 'Fragment', 'Scopes', 'Auth', 'Optie', 'Twee hosts')`);
    expect(count!.n).toBe(0);
    const duplicate = await cli('partner:create', '--name', 'uitgeverij rekenrijk', ...https);
    expect(duplicate.code, duplicate.output).toBe(1);
    expect(duplicate.output).toMatch(/already exists/);
  });
});
