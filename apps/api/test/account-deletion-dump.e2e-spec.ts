import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeletionJob } from '../src/modules/privacy/deletion/deletion-job.js';
import { DeletionLedgerService } from '../src/modules/privacy/deletion/deletion-ledger.service.js';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { createMember, signIn, TEST_PASSWORD, type TestMember } from './factories/members.js';
import { createResource, publishedLinkResource, uploadFile } from './factories/resources.js';
import type { HttpClient } from './support/http-client.js';
import { findPgDump, startDumpableCluster, type DumpableCluster } from './support/pg-tools.js';
import { exitCode, runEntry, waitUntil } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);

// The deletion is checked the hard way: a full pg_dump of the database (schema and data of every
// schema, the job queue included) and every stored file are searched for the deleted member's
// names, addresses and handle, in upper, lower and decomposed Unicode forms.
let cluster: DumpableCluster;
let t: TestApp;
beforeAll(async () => {
  cluster = await startDumpableCluster();
  t = await startTestApp({ DELETION_BATCH_SIZE: '25' }, { databaseUrl: cluster.databaseUrl });
  await t.app.get(TaxonomyService).seedIfEmpty();
}, 120_000);
afterAll(async () => {
  await t?.close();
  await cluster?.stop();
});

interface Seeded {
  member: TestMember;
  client: HttpClient;
  privateEmail: string;
  resourceId: string;
  fileId: string;
}

/** A JPEG whose EXIF names the member, as an upload from before metadata stripping would be. */
const photoNaming = (name: string) =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 80, b: 20 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: name, Copyright: name } })
    .toBuffer();

/** A member with a record in every kind of table: profile, contributions, usage, messages, consents, security logs. */
async function seedMember(firstName: string, lastName: string, other: { member: TestMember; client: HttpClient; resourceId: string }): Promise<Seeded> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const member = await createMember(t, { firstName, lastName, email: `${firstName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.${suffix}@example.org` });
  const privateEmail = `prive.${suffix}@example.net`;
  // A failed log-in first (a log-in attempt with the address), then a real one.
  await t.client().post('/api/auth/login', { email: member.email, password: 'fout-wachtwoord-1' });
  const client = await signIn(t, member);
  await client.patch('/api/account/profile', { school: `School van ${firstName} ${lastName}`, placeOfResidence: 'Gent', subjects: ['wiskunde'], levels: ['lager-4'] });
  await client.put('/api/account/profile/optional', { field: 'aboutMe', consent: true, value: `Ik ben ${firstName} ${lastName}, leerkraagt wiskunde.` });
  await client.post('/api/account/email', { newEmail: privateEmail, password: TEST_PASSWORD });

  const resource = await createResource(client, { title: `Breuken door ${firstName} ${lastName}`, description: `Gemaakt door ${firstName}. Vragen? ${member.email}` });
  const uploaded = await uploadFile(client, resource.id, `werkblad-${lastName}.jpg`, await photoNaming(`${firstName} ${lastName}`));
  expect(uploaded.status).toBe(201);
  expect((await client.post(`/api/resources/${resource.id}/publish`)).status).toBe(200);
  const fileId = uploaded.body.id as string;
  const [file] = await t.sql<{ storageKey: string }>('SELECT "storageKey" FROM "ResourceFile" WHERE id = $1', [fileId]);
  // Put the metadata back, as a file stored before stripping existed would carry it.
  fs.writeFileSync(path.join(t.dataDir, 'files', ...file!.storageKey.split('/')), await photoNaming(`${firstName} ${lastName}`));
  await publishedLinkResource(client, { title: 'Tweede bron' });

  const comment = await client.post(`/api/resources/${other.resourceId}/comments`, { body: `Mooi! Groeten, ${firstName}` });
  await other.client.post(`/api/resources/${other.resourceId}/comments`, { body: `Dank je @${member.handle}!`, parentId: comment.body.id });
  await other.client.post(`/api/resources/${resource.id}/comments`, { body: `Vraag voor @${member.handle}: mag ik dit aanpassen?` });
  await client.put(`/api/resources/${other.resourceId}/rating`, { score: 5 });
  await client.put(`/api/resources/${other.resourceId}/favourite`);
  await client.get(`/api/resources/${other.resourceId}`);
  const folder = await client.post('/api/folders', { name: `Map van ${firstName}`, visibility: 'public' });
  await client.post(`/api/folders/${folder.body.id}/items`, { resourceId: other.resourceId });
  await other.client.put(`/api/folders/${folder.body.id}/follow`);
  await client.put(`/api/members/${other.member.handle}/follow`);
  await other.client.put(`/api/members/${member.handle}/follow`);
  const message = await client.post('/api/messages', { to: other.member.handle, body: `Dag! Met vriendelijke groet, ${firstName} ${lastName}` });
  await other.client.post(`/api/conversations/${message.body.conversationId}/messages`, { body: `Dag ${firstName}, graag gedaan.` });
  await client.get('/api/search?q=breuken');
  await client.post('/api/account/saved-searches', { name: `Zoekopdracht van ${firstName}`, filters: { q: 'breuken' } });
  await client.post('/api/reports', { targetType: 'resource', target: other.resourceId, reason: `Melding door ${firstName} ${lastName}: dubbel.` });
  const exported = await client.post('/api/account/exports');
  expect(exported.status).toBe(202);
  await waitUntil(async () => (await t.sql(`SELECT 1 FROM "DataExport" WHERE "memberId" = $1 AND status = 'ready'`, [member.id])).length === 1, 30_000, 'the data export is ready');

  const [partner] = await t.sql<{ id: string }>(
    `INSERT INTO "Partner" (id, name, "legalName", address, "contactEmail", "dpoEmail", "websiteUrl", "privacyPolicyUrl", "clientId", "redirectUris", "allowedScopes", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Uitgeverij NV', 'Gent', 'info@uitgeverij.example', 'dpo@uitgeverij.example', 'https://uitgeverij.example', 'https://uitgeverij.example/privacy', $1, '{https://uitgeverij.example/cb}', '{openid,profile}', now()) RETURNING id`,
    [`partner-${suffix}`],
  );
  const [notice] = await t.sql<{ id: string }>(
    `INSERT INTO "PartnerNotice" (id, "partnerId", version, "serviceDescription", purposes, "dataCategories", retention, "storageLocation", "subProcessors") VALUES (gen_random_uuid(), $1, 1, 'Lezen', 'Account', '{openid,profile}', '1 jaar', 'EU', '{}') RETURNING id`,
    [partner!.id],
  );
  const [consent] = await t.sql<{ id: string }>(
    `INSERT INTO "PartnerConsent" (id, "memberId", subject, "partnerId", "noticeId", "grantedScopes", "refusedScopes", "consentTextHash", language) VALUES (gen_random_uuid(), $1, $2, $3, $4, '{openid,profile}', '{}', 'h', 'nl') RETURNING id`,
    [member.id, `pairwise-${suffix}`, partner!.id, notice!.id],
  );
  await t.sql(`INSERT INTO "PartnerDisclosure" (id, "memberId", "partnerId", "consentId", channel, categories) VALUES (gen_random_uuid(), $1, $2, $3, 'userinfo', '{profile}')`, [member.id, partner!.id, consent!.id]);
  await t.sql(`INSERT INTO "OidcPayload" (id, type, payload, "accountId", "clientId") VALUES ($1, 'Session', $2, $3, $4)`, [`s-${suffix}`, JSON.stringify({ accountId: member.id }), member.id, `partner-${suffix}`]);
  return { member, client, privateEmail, resourceId: resource.id, fileId };
}

/** The spellings of a member's identifiers that must not survive: as typed, upper, lower, decomposed. */
function variants(seeded: Seeded): string[] {
  const { firstName, lastName, email, handle } = seeded.member;
  const base = [firstName, lastName, `${firstName} ${lastName}`, email, seeded.privateEmail, handle];
  return [...new Set(base.flatMap((value) => [value, value.toUpperCase(), value.toLowerCase(), value.normalize('NFD'), value.normalize('NFC')]))];
}

const found = (haystack: string, needles: string[]) => needles.filter((needle) => haystack.includes(needle) || haystack.normalize('NFC').toLowerCase().includes(needle.normalize('NFC').toLowerCase()));

async function pgDump(): Promise<string> {
  const { stdout } = await run(findPgDump()!.pgDump, ['--dbname', cluster.databaseUrl, '--format', 'plain', '--no-owner'], { maxBuffer: 512 * 1024 * 1024 });
  return stdout;
}

/** Every stored file (uploads, thumbnails, exports, the ledger mirror) as text. */
function storedFiles(): string {
  const root = path.join(t.dataDir, 'files');
  if (!fs.existsSync(root)) return '';
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .map((entry) => path.join(root, entry))
    .filter((file) => fs.statSync(file).isFile())
    .map((file) => fs.readFileSync(file).toString('latin1') + fs.readFileSync(file).toString('utf8'))
    .join('\n');
}

describe('account deletion leaves nothing behind', () => {
  it('deletes a member with a record in every table: no trace in a full pg_dump, the stored files or the search index; the control member is untouched', async () => {
    const otherMember = await createMember(t, { firstName: 'Omer', lastName: 'Andermans' });
    const otherClient = await signIn(t, otherMember);
    const otherResource = await publishedLinkResource(otherClient, { title: 'Topografie van België' });
    const other = { member: otherMember, client: otherClient, resourceId: otherResource.id };

    const gone = await seedMember('Zoë', 'Vanderdeletestraete', other);
    const control = await seedMember('Xavier', 'Controlemans', other);
    const ratingBefore = (await t.client().get(`/api/resources/${other.resourceId}/rating`)).body;
    const [counts] = await t.sql<{ favouriteCount: number; viewCount: number }>('SELECT "favouriteCount", "viewCount" FROM "Resource" WHERE id = $1', [other.resourceId]);
    const controlRows = async () => (await t.sql<{ n: number }>(`SELECT (SELECT count(*) FROM "Resource" WHERE "authorId" = $1) + (SELECT count(*) FROM "Comment" WHERE "authorId" = $1) + (SELECT count(*) FROM "Rating" WHERE "memberId" = $1) + (SELECT count(*) FROM "Favourite" WHERE "memberId" = $1) + (SELECT count(*) FROM "Folder" WHERE "ownerId" = $1) + (SELECT count(*) FROM "Message" WHERE "senderId" = $1) + (SELECT count(*) FROM "SearchHistoryEntry" WHERE "memberId" = $1) + (SELECT count(*) FROM "PartnerConsent" WHERE "memberId" = $1) AS n`, [control.member.id]))[0]!.n;
    const controlBefore = await controlRows();
    expect(found(await pgDump(), variants(gone)).length).toBeGreaterThan(0); // the search works

    const response = await gone.client.post('/api/account/deletion', { password: TEST_PASSWORD });
    expect(response.status).toBe(202);
    expect(response.body.status).toBe('scheduled');
    await t.sql(`UPDATE "AccountDeletion" SET "executeAfter" = now() WHERE "memberId" = $1`, [gone.member.id]);
    expect(await t.app.get(DeletionJob).runAllNow()).toBe(1);
    await t.mail.waitFor(gone.member.email, /Je account is verwijderd/);
    // The outbox re-indexes the resources without their author.
    await waitUntil(async () => (await t.sql(`SELECT 1 FROM "SearchDocument" WHERE "authorName" LIKE '%Vanderdeletestraete%'`)).length === 0, 20_000, 'the search index forgets the author');
    await waitUntil(async () => (await t.sql(`SELECT 1 FROM pgboss.job WHERE state <> 'completed' AND name <> 'privacy.deletions-due' AND name NOT LIKE '%refresh%' AND name NOT LIKE '%purge%' AND name NOT LIKE '%digest%' AND name NOT LIKE '%alert%'`)).length === 0, 20_000, 'the outbox drains');

    const dumpAfter = await pgDump();
    expect(found(dumpAfter, variants(gone))).toEqual([]);
    expect(found(storedFiles(), variants(gone))).toEqual([]);
    const search = await t.client().get('/api/search?q=Vanderdeletestraete');
    expect(search.status).toBe(200);
    expect(JSON.stringify(search.body)).not.toMatch(/Vanderdeletestraete|Zoë/i);

    // What stays: the kept resource without author, re-indexed; the conversation for the other party; counts and averages.
    const kept = await t.client().get(`/api/resources/${gone.resourceId}`);
    expect(kept.status).toBe(200);
    expect(kept.body.author ?? null).toBeNull();
    expect((await t.client().get(`/api/resources/${other.resourceId}/rating`)).body).toEqual(ratingBefore);
    expect(await t.sql('SELECT "favouriteCount", "viewCount" FROM "Resource" WHERE id = $1', [other.resourceId])).toEqual([counts]);
    const conversations = (await other.client.get('/api/conversations')).body.items as { with: unknown; lastMessage: string }[];
    expect(conversations.some((conversation) => conversation.with === null)).toBe(true);
    expect((await t.client().get(`/api/members/${gone.member.handle}`)).status).toBe(410);
    const replies = await t.sql<{ body: string }>(`SELECT body FROM "Comment" WHERE body LIKE '%voormalig lid%'`);
    expect(replies.length).toBe(2);

    // The control member and everything of theirs is untouched.
    expect(await controlRows()).toBe(controlBefore);
    expect(found(await pgDump(), [control.member.lastName, control.member.email, control.member.handle])).toHaveLength(3);
    expect((await control.client.get('/api/auth/me')).status).toBe(200);
  }, 180_000);

  it('resumes a deletion whose process was killed halfway, and re-applies deletions from the ledger after a restore', async () => {
    const member = await createMember(t, { firstName: 'Karel', lastName: 'Onderbroken' });
    const [other] = await t.sql<{ id: string }>('SELECT id FROM "Member" WHERE id <> $1 LIMIT 1', [member.id]);
    // Enough rows for many batches of 25: views of one resource, and search history.
    const resource = await publishedLinkResource(await signIn(t, (await createMember(t)) as TestMember), { title: 'Veel bekeken' });
    await t.sql(`INSERT INTO "ResourceView" ("resourceId", "memberId", "viewedAt") SELECT $1, $2, now() - (g || ' minutes')::interval FROM generate_series(1, 3000) g`, [resource.id, member.id]);
    await t.sql(`INSERT INTO "SearchHistoryEntry" (id, "memberId", filters, "filtersKey", "resultCount") SELECT gen_random_uuid(), $1, '{"q":"x"}', 'x' || g, 1 FROM generate_series(1, 1000) g`, [member.id]);
    expect(other).toBeDefined();
    const client = await signIn(t, member);
    expect((await client.post('/api/account/deletion', { password: TEST_PASSWORD })).status).toBe(202);
    // The API's own worker would run it: stop it from doing so by taking the job back, then run it in a separate process.
    const [deletion] = await t.sql<{ id: string }>(`SELECT id FROM "AccountDeletion" WHERE "memberId" = $1`, [member.id]);
    await t.sql(`DELETE FROM pgboss.job WHERE name = 'privacy.account-deletion' AND data->>'deletionId' = $1 AND state <> 'active'`, [deletion!.id]);

    const cli = runEntry('cli', ['deletions:run'], { DATABASE_URL: cluster.databaseUrl, DATA_DIR: t.dataDir, DELETION_BATCH_SIZE: '25', LOG_LEVEL: 'silent', SMTP_URL: t.mail.url, APP_SECRET: t.config.appSecret });
    await waitUntil(async () => ((await t.sql<{ n: number }>('SELECT "processedRows" AS n FROM "AccountDeletion" WHERE id = $1', [deletion!.id]))[0]?.n ?? 0) > 200, 60_000, 'the job is halfway');
    cli.kill('SIGKILL');
    await exitCode(cli);
    const [halfway] = await t.sql<{ status: string; processedRows: number }>('SELECT status, "processedRows" FROM "AccountDeletion" WHERE id = $1', [deletion!.id]);
    expect(halfway!.status).toBe('running');
    expect(await t.sql('SELECT 1 FROM "Member" WHERE id = $1', [member.id])).toHaveLength(1);

    expect(await t.app.get(DeletionJob).run(deletion!.id)).toBe('completed');
    expect(await t.sql('SELECT 1 FROM "Member" WHERE id = $1', [member.id])).toEqual([]);
    expect(await t.sql('SELECT 1 FROM "ResourceView" WHERE "memberId" = $1', [member.id])).toEqual([]);
    // Running it twice is harmless.
    expect(await t.app.get(DeletionJob).run(deletion!.id)).toBe('completed');
    await t.mail.waitFor(member.email, /Je account is verwijderd/);

    // A restore from a backup made before the deletion brings the member back, without the ledger rows made since.
    await t.sql(`INSERT INTO "Member" (id, email, "passwordHash", handle, "firstName", "lastName", "emailVerifiedAt", "updatedAt") VALUES ($1, $2, 'x', $3, $4, $5, now(), now())`, [member.id, member.email, member.handle, member.firstName, member.lastName]);
    await t.sql(`INSERT INTO "ResourceView" ("resourceId", "memberId") VALUES ($1, $2)`, [resource.id, member.id]);
    await t.sql('DELETE FROM "DeletionLedgerEntry"');
    t.mail.clear();
    const result = await t.app.get(DeletionLedgerService).reapply();
    expect(result.reapplied).toBe(1);
    expect(result.entries).toBeGreaterThanOrEqual(2); // read back from object storage
    expect(await t.sql('SELECT 1 FROM "Member" WHERE id = $1', [member.id])).toEqual([]);
    expect(await t.sql('SELECT 1 FROM "ResourceView" WHERE "memberId" = $1', [member.id])).toEqual([]);
    expect((await t.app.get(DeletionLedgerService).reapply()).reapplied).toBe(0);
    // The member was told once, at the real deletion: the re-application is silent.
    await expect(t.mail.waitFor(member.email, /Je account is verwijderd/, 1500)).rejects.toThrow();
  }, 180_000);
});
