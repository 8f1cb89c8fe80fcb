import { randomBytes } from 'node:crypto';
import { RegistrationService } from '../../src/modules/accounts/registration.service.js';
import type { HttpClient } from '../support/http-client.js';
import type { TestApp } from '../support/test-app.js';

export const TEST_PASSWORD = 'Correct-Paard-Batterij-7';

export interface TestMember {
  id: string;
  email: string;
  password: string;
  handle: string;
  firstName: string;
  lastName: string;
}

/** A verified member created directly through the registration service. */
export async function createMember(t: TestApp, overrides: Partial<{ email: string; password: string; firstName: string; lastName: string; role: 'member' | 'moderator' | 'admin' }> = {}): Promise<TestMember> {
  const suffix = randomBytes(4).toString('hex');
  const input = {
    email: overrides.email ?? `member-${suffix}@example.org`,
    password: overrides.password ?? TEST_PASSWORD,
    firstName: overrides.firstName ?? 'Test',
    lastName: overrides.lastName ?? `Lid ${suffix}`,
    locale: 'nl' as const,
    role: overrides.role ?? 'member',
  };
  const id = await t.app.get(RegistrationService).createVerified(input);
  const [row] = await t.sql<{ handle: string }>('SELECT handle FROM "Member" WHERE id = $1', [id]);
  return { id, email: input.email, password: input.password, handle: row!.handle, firstName: input.firstName, lastName: input.lastName };
}

/** A client signed in as the member (password only; members with 2FA use signInWithCode). */
export async function signIn(t: TestApp, member: Pick<TestMember, 'email' | 'password'>): Promise<HttpClient> {
  const client = t.client();
  const response = await client.post('/api/auth/login', { email: member.email, password: member.password });
  if (response.status !== 200 || response.body.status !== 'signed_in') throw new Error(`Sign-in failed: ${response.status} ${response.text}`);
  return client;
}

/** A new member and a client signed in as them. */
export async function memberWithClient(t: TestApp, overrides: Parameters<typeof createMember>[1] = {}) {
  const member = await createMember(t, overrides);
  return { member, client: await signIn(t, member) };
}

/** A client signed in as a new moderator whose 2FA is marked enabled in the database (to keep tests short). */
export async function moderatorClient(t: TestApp, role: 'moderator' | 'admin' = 'moderator'): Promise<HttpClient> {
  return (await staffMember(t, role)).client;
}

/** A new moderator or admin, signed in, 2FA marked enabled, optionally with the ban-list right. */
export async function staffMember(t: TestApp, role: 'moderator' | 'admin', banListRight = false): Promise<{ member: TestMember; client: HttpClient }> {
  const member = await createMember(t, { role });
  const client = await signIn(t, member);
  await t.sql(`UPDATE "Member" SET "totpEnabledAt" = now(), "totpSecret" = 'x', "banListRight" = $2 WHERE id = $1`, [member.id, banListRight]);
  return { member, client };
}
