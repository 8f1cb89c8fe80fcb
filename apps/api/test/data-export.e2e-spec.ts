import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { linkIn } from '@lesplein/testing/mail-catcher';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { apiPackageDir } from '../src/core/database/migrations.js';
import { JobQueue } from '../src/core/outbox/job-queue.js';
import { readInventory } from '../src/core/privacy/pii-inventory.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../src/core/storage/object-storage.js';
import { DataExportRetention } from '../src/modules/privacy/export/data-export-retention.service.js';
import { DATA_EXPORT_JOB } from '../src/modules/privacy/export/data-export.job.js';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient, type TestMember } from './factories/members.js';
import { createResource, publishedLinkResource, uploadFile } from './factories/resources.js';
import type { HttpClient } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

interface ExportView {
  id: string;
  status: string;
  progress: number;
  expiresAt: string | null;
  size: number | null;
  downloadable: boolean;
  downloadPath: string | null;
}

/** Polls the export (a condition, not a fixed sleep) until the job has finished with it. */
async function waitUntilDone(client: HttpClient, id: string): Promise<ExportView> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const view = (await client.get<ExportView>(`/api/account/exports/${id}`)).body;
    if (view.status !== 'queued' && view.status !== 'running') return view;
    if (Date.now() > deadline) throw new Error(`Export ${id} still ${view.status} after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** GET without the test client's JSON handling, to receive the archive's bytes (optionally with the session cookie). */
async function fetchBytes(url: string, client?: HttpClient): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const headers: Record<string, string> = { 'x-forwarded-for': client?.ip ?? '10.250.0.1' };
  const session = client?.cookie('lp_session');
  if (session) headers.cookie = `lp_session=${session}`;
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** Every entry of a ZIP archive, read with yauzl. */
function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

const json = (entries: Map<string, Buffer>, name: string): unknown => {
  const bytes = entries.get(name);
  if (!bytes) throw new Error(`${name} is not in the archive (entries: ${[...entries.keys()].join(', ')})`);
  return JSON.parse(bytes.toString('utf8'));
};

/** Data in every category, partly through the API, partly in SQL where the API needs more set-up than it is worth. */
async function seedUsage(member: TestMember, client: HttpClient) {
  const { member: other, client: otherClient } = await memberWithClient(t, { firstName: 'Wouter', lastName: 'Anders' });
  const own = await createResource(client, { title: 'Mijn werkblad breuken', type: 'worksheet' });
  const fileBytes = Buffer.from('Oefening 1: 1/2 + 1/4 = ?\nOefening 2: 3/4 - 1/2 = ?\n', 'utf8');
  const uploaded = await uploadFile(client, own.id, 'Oefenblad breuken.txt', fileBytes);
  expect(uploaded.status).toBe(201);
  const theirs = await publishedLinkResource(otherClient, { title: 'Video over procenten' });
  expect((await client.put(`/api/resources/${theirs.id}/favourite`)).status).toBe(200);
  expect((await client.put(`/api/resources/${theirs.id}/rating`, { score: 4 })).status).toBe(200);
  expect((await client.post(`/api/resources/${theirs.id}/comments`, { body: 'Handig voor het vijfde leerjaar.' })).status).toBe(201);
  expect((await client.put(`/api/members/${other.handle}/follow`)).status).toBe(200);
  expect((await otherClient.put(`/api/members/${member.handle}/follow`)).status).toBe(200);
  const [folder] = await t.sql<{ id: string }>(`INSERT INTO "Folder" (id, "ownerId", name, "updatedAt") VALUES (gen_random_uuid(), $1, 'Rekenen vierde leerjaar', now()) RETURNING id`, [member.id]);
  await t.sql(`INSERT INTO "FolderItem" ("folderId", "resourceId", position) VALUES ($1, $2, 0)`, [folder!.id, theirs.id]);
  const [conversation] = await t.sql<{ id: string }>(`INSERT INTO "Conversation" (id, "memberAId", "memberBId") VALUES (gen_random_uuid(), $1, $2) RETURNING id`, [member.id, other.id]);
  await t.sql(`INSERT INTO "Message" (id, "conversationId", "senderId", body) VALUES (gen_random_uuid(), $1, $2, 'Mag ik je werkblad gebruiken?'), (gen_random_uuid(), $1, $3, 'Natuurlijk!')`, [conversation!.id, other.id, member.id]);
  await t.sql(`INSERT INTO "SearchHistoryEntry" (id, "memberId", filters, "filtersKey", "resultCount") VALUES (gen_random_uuid(), $1, '{"q":"breuken vierde"}', 'q=breuken vierde', 12)`, [member.id]);
  await t.sql(`INSERT INTO "SavedSearch" (id, "memberId", name, filters, "updatedAt") VALUES (gen_random_uuid(), $1, 'Procenten', '{"q":"procenten"}', now())`, [member.id]);
  await t.sql(`INSERT INTO "ResourceView" ("resourceId", "memberId") VALUES ($1, $2)`, [theirs.id, member.id]);
  await t.sql(`INSERT INTO "NotificationPreference" ("memberId", type, channel) VALUES ($1, 'new_follower', 'off')`, [member.id]);
  await t.sql(`INSERT INTO "ProfileFieldConsent" (id, "memberId", field, granted) VALUES (gen_random_uuid(), $1, 'school', true)`, [member.id]);
  const [partner] = await t.sql<{ id: string }>(
    `INSERT INTO "Partner" (id, name, "legalName", address, "contactEmail", "dpoEmail", "websiteUrl", "privacyPolicyUrl", "clientId", "redirectUris", "allowedScopes", "updatedAt")
     VALUES (gen_random_uuid(), 'Leesland Export', 'Leesland NV', 'Gent', 'info@leesland.example', 'dpo@leesland.example', 'https://leesland.example', 'https://leesland.example/privacy', 'lp_export_test', '{https://leesland.example/cb}', '{openid,profile}', now()) RETURNING id`,
  );
  const [notice] = await t.sql<{ id: string }>(
    `INSERT INTO "PartnerNotice" (id, "partnerId", version, "serviceDescription", purposes, "dataCategories", retention, "storageLocation", "subProcessors") VALUES (gen_random_uuid(), $1, 1, 'Lezen', 'Account', '{openid,profile}', '1 jaar', 'EU', '{}') RETURNING id`,
    [partner!.id],
  );
  const [consent] = await t.sql<{ id: string }>(
    `INSERT INTO "PartnerConsent" (id, "memberId", subject, "partnerId", "noticeId", "grantedScopes", "refusedScopes", "consentTextHash", language) VALUES (gen_random_uuid(), $1, 'sub', $2, $3, '{openid,profile}', '{}', 'h', 'nl') RETURNING id`,
    [member.id, partner!.id, notice!.id],
  );
  await t.sql(`INSERT INTO "PartnerDisclosure" (id, "memberId", "partnerId", "consentId", channel, categories) VALUES (gen_random_uuid(), $1, $2, $3, 'userinfo', '{profile}')`, [member.id, partner!.id, consent!.id]);
  await t.sql(`INSERT INTO "Report" (id, "reporterId", "targetType", "targetId", reason, category) VALUES (gen_random_uuid(), $1, 'resource', $2, 'Dit lijkt auteursrechtelijk beschermd.', 'copyright')`, [member.id, theirs.id]);
  const [decision] = await t.sql<{ id: string }>(
    `INSERT INTO "ModerationDecision" (id, "targetType", "targetId", action, reasons, ground, "memberId") VALUES (gen_random_uuid(), 'resource', $1, 'warn', 'Bronvermelding ontbreekt.', 'terms', $2) RETURNING id`,
    [own.id, member.id],
  );
  await t.sql(`INSERT INTO "Appeal" (id, "decisionId", "memberId", text) VALUES (gen_random_uuid(), $1, $2, 'De bron staat onderaan het werkblad.')`, [decision!.id, member.id]);
  return { other, own, theirs, fileBytes, uploadedId: (uploaded.body as { id: string }).id };
}

describe('data export', () => {
  it('builds a ZIP of every category and the uploaded files in the background, e-mails a working link, and the owner can download it too', async () => {
    const { member, client } = await memberWithClient(t, { firstName: 'Els', lastName: 'Exporteur' });
    const seeded = await seedUsage(member, client);

    const requested = await client.post('/api/account/exports');
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ status: 'queued', progress: 0, downloadable: false, expiresAt: null });
    const done = await waitUntilDone(client, requested.body.id);
    expect(done).toMatchObject({ status: 'ready', progress: 100, downloadable: true, downloadPath: `/api/account/exports/${requested.body.id}/download` });
    expect(done.size).toBeGreaterThan(0);
    expect(new Date(done.expiresAt!).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const listed = (await client.get('/api/account/exports')).body.items as ExportView[];
    expect(listed.map((item) => item.id)).toEqual([requested.body.id]);

    // The e-mail (Dutch, the member's language) carries a link with the secret; it works without a session.
    const mail = await t.mail.waitFor(member.email, /Je gegevensexport is klaar/);
    const link = linkIn(mail.text, `/api/account/exports/${requested.body.id}/download?token=`);
    const viaLink = await fetchBytes(link.replace(t.config.publicUrl, t.url));
    expect(viaLink.status).toBe(200);
    expect(viaLink.headers.get('content-type')).toBe('application/zip');
    expect(viaLink.headers.get('content-disposition')).toMatch(/^attachment; filename="lesplein-export-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(viaLink.headers.get('cache-control')).toBe('no-store');
    expect(viaLink.body.length).toBe(done.size);

    const entries = await unzip(viaLink.body);
    const readme = entries.get('README.txt')!.toString('utf8');
    expect(readme).toContain('Nederlands');
    expect(readme).toContain('English');
    const profile = json(entries, 'profile.json') as Record<string, unknown>;
    expect(profile).toMatchObject({ id: member.id, email: member.email, firstName: 'Els', lastName: 'Exporteur', notificationPreferences: [{ type: 'new_follower', channel: 'off' }] });
    expect(profile.profileFieldConsents).toEqual([expect.objectContaining({ field: 'school', granted: true })]);
    expect(profile).not.toHaveProperty('passwordHash');
    expect(profile).not.toHaveProperty('totpSecret');
    expect(JSON.stringify(profile)).not.toContain('$argon2');
    // Every personal-data field of the member (its @pii tags) is in the profile, under its own
    // name or the one listed; only secrets and a security counter are left out.
    const exportedAs: Record<string, string> = { status: 'accountStatus', totpEnabledAt: 'twoFactorEnabledAt', photoMimeType: 'photo' };
    const secrets = new Set(['passwordHash', 'totpSecret', 'totpLastStep']);
    const keys = new Set([...Object.keys(profile), ...Object.keys(profile.privacySettings as object)]);
    const memberPii = readInventory(path.join(apiPackageDir, 'prisma')).filter((field) => field.model === 'Member' && field.pii);
    expect(memberPii.length).toBeGreaterThan(30);
    expect(memberPii.filter((field) => !secrets.has(field.name) && !keys.has(exportedAs[field.name] ?? field.name)).map((field) => field.name)).toEqual([]);

    const resources = json(entries, 'resources.json') as Array<{ id: string; title: string; subjects: string[]; files: Array<{ name: string; inArchive: string }> }>;
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({ id: seeded.own.id, title: 'Mijn werkblad breuken', subjects: ['wiskunde'] });
    expect(resources[0]!.files).toHaveLength(1);
    expect(resources[0]!.files[0]!.name).toBe('Oefenblad breuken.txt');
    const fileInArchive = entries.get(resources[0]!.files[0]!.inArchive);
    expect(fileInArchive?.equals(seeded.fileBytes)).toBe(true);
    expect(resources[0]!.files[0]!.inArchive).toBe(`files/${seeded.own.id}/${seeded.uploadedId}-Oefenblad breuken.txt`);

    expect(json(entries, 'favourites.json')).toEqual([expect.objectContaining({ resourceId: seeded.theirs.id, resourceTitle: 'Video over procenten' })]);
    expect(json(entries, 'ratings.json')).toEqual([expect.objectContaining({ resourceId: seeded.theirs.id, score: 4 })]);
    expect(json(entries, 'comments.json')).toEqual([expect.objectContaining({ resourceId: seeded.theirs.id, body: 'Handig voor het vijfde leerjaar.' })]);
    expect(json(entries, 'folders.json')).toEqual([expect.objectContaining({ name: 'Rekenen vierde leerjaar', visibility: 'private' })]);
    expect(json(entries, 'folder-items.json')).toEqual([expect.objectContaining({ folderName: 'Rekenen vierde leerjaar', resourceId: seeded.theirs.id })]);
    const messages = json(entries, 'messages.json') as Array<{ with: string; from: string; body: string }>;
    expect(messages).toHaveLength(2);
    expect(messages).toEqual(expect.arrayContaining([expect.objectContaining({ with: 'Wouter Anders', from: 'Wouter Anders', body: 'Mag ik je werkblad gebruiken?' }), expect.objectContaining({ from: 'me', body: 'Natuurlijk!' })]));
    expect(JSON.stringify(messages)).not.toContain(seeded.other.email);
    const follows = json(entries, 'follows.json') as Array<{ kind: string; memberHandle: string }>;
    expect(follows).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'following_member', memberHandle: seeded.other.handle }), expect.objectContaining({ kind: 'follower', memberHandle: seeded.other.handle })]));
    expect(json(entries, 'search-history.json')).toEqual([expect.objectContaining({ filters: { q: 'breuken vierde' }, resultCount: 12 })]);
    expect(json(entries, 'saved-searches.json')).toEqual([expect.objectContaining({ name: 'Procenten' })]);
    expect(json(entries, 'viewed-resources.json')).toEqual([expect.objectContaining({ resourceId: seeded.theirs.id })]);
    expect((json(entries, 'login-history.json') as unknown[]).length).toBeGreaterThanOrEqual(1);
    expect(json(entries, 'partner-consents.json')).toEqual([expect.objectContaining({ partner: 'Leesland Export', grantedScopes: ['openid', 'profile'], withdrawal: null })]);
    expect(json(entries, 'disclosures.json')).toEqual([expect.objectContaining({ partner: 'Leesland Export', channel: 'userinfo', categories: ['profile'] })]);
    expect(json(entries, 'reports.json')).toEqual([expect.objectContaining({ targetId: seeded.theirs.id, category: 'copyright' })]);
    expect(json(entries, 'moderation-decisions.json')).toEqual([expect.objectContaining({ targetId: seeded.own.id, action: 'warn' })]);
    expect(json(entries, 'appeals.json')).toEqual([expect.objectContaining({ text: 'De bron staat onderaan het werkblad.' })]);
    for (const name of ['blocks.json', 'notifications.json']) expect(Array.isArray(json(entries, name))).toBe(true);
    // Nothing of another member's own data.
    expect(viaLink.body.includes(Buffer.from(seeded.other.email))).toBe(false);

    // The owner's session downloads the same archive without the token.
    const viaSession = await fetchBytes(`${t.url}${done.downloadPath}`, client);
    expect(viaSession.status).toBe(200);
    expect(viaSession.body.equals(viaLink.body)).toBe(true);
  });

  it('keeps exports to their owner: another member gets 404, with or without a wrong token, and so does an unknown id', async () => {
    const { member, client } = await memberWithClient(t);
    const { client: stranger } = await memberWithClient(t);
    const id = (await client.post('/api/account/exports')).body.id as string;
    await waitUntilDone(client, id);
    await t.mail.waitFor(member.email, /Je gegevensexport is klaar/);

    expect((await stranger.get(`/api/account/exports/${id}`)).status).toBe(404);
    expect((await stranger.get('/api/account/exports')).body.items).toEqual([]);
    expect((await fetchBytes(`${t.url}/api/account/exports/${id}/download`, stranger)).status).toBe(404);
    const wrongToken = await fetchBytes(`${t.url}/api/account/exports/${id}/download?token=${'A'.repeat(43)}`);
    expect(wrongToken.status).toBe(404);
    expect(JSON.parse(wrongToken.body.toString('utf8'))).toMatchObject({ status: 404, code: 'not_found' });
    expect((await fetchBytes(`${t.url}/api/account/exports/${id}/download?token=${'A'.repeat(43)}`, stranger)).status).toBe(404);
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    expect((await client.get(`/api/account/exports/${unknown}`)).status).toBe(404);
    expect((await fetchBytes(`${t.url}/api/account/exports/${unknown}/download`, client)).status).toBe(404);
  });

  it('answers 400 problem+json for a malformed id or token, and 401 without a session or token', async () => {
    const { client } = await memberWithClient(t);
    const malformed = await client.get('/api/account/exports/niet-een-id');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    expect(malformed.body.code).toBe('validation_failed');
    const badToken = await client.get('/api/account/exports/00000000-0000-4000-8000-00000000abcd/download?token=kort');
    expect(badToken.status).toBe(400);
    expect(badToken.body.errors[0].path).toBe('token');
    expect((await client.get('/api/account/exports/00000000-0000-4000-8000-00000000abcd/download?token=x&extra=1')).status).toBe(400);

    const visitor = t.client();
    for (const response of [await visitor.get('/api/account/exports'), await visitor.post('/api/account/exports'), await visitor.get('/api/account/exports/00000000-0000-4000-8000-00000000abcd'), await visitor.get('/api/account/exports/00000000-0000-4000-8000-00000000abcd/download')]) {
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('unauthenticated');
    }
  });

  it('answers 410 once the link has expired, and the retention job deletes the archive and forgets the token', async () => {
    const { member, client } = await memberWithClient(t);
    const id = (await client.post('/api/account/exports')).body.id as string;
    await waitUntilDone(client, id);
    const link = linkIn((await t.mail.waitFor(member.email, /Je gegevensexport is klaar/)).text, '/download?token=').replace(t.config.publicUrl, t.url);
    const [row] = await t.sql<{ storageKey: string }>('SELECT "storageKey" FROM "DataExport" WHERE id = $1', [id]);
    const file = path.join(t.dataDir, 'files', ...row!.storageKey.split('/'));
    expect(fs.existsSync(file)).toBe(true);

    await t.sql(`UPDATE "DataExport" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [id]);
    const late = await fetchBytes(link);
    expect(late.status).toBe(410);
    expect(JSON.parse(late.body.toString('utf8'))).toMatchObject({ status: 410, code: 'export_expired' });
    expect((await fetchBytes(`${t.url}/api/account/exports/${id}/download`, client)).status).toBe(410);
    expect((await client.get(`/api/account/exports/${id}`)).body).toMatchObject({ status: 'expired', downloadable: false, downloadPath: null });

    // A failed export older than 7 days goes; a recent one stays.
    await t.sql(`INSERT INTO "DataExport" (id, "memberId", status, error, "createdAt") VALUES (gen_random_uuid(), $1, 'failed', 'x', now() - interval '8 days'), (gen_random_uuid(), $1, 'failed', 'x', now() - interval '6 days')`, [member.id]);
    const purged = await t.app.get(DataExportRetention).purge();
    expect(purged.expired).toBeGreaterThanOrEqual(1);
    expect(purged.failedRemoved).toBeGreaterThanOrEqual(1);
    const [after] = await t.sql<{ status: string; storageKey: string | null; tokenHash: string | null }>('SELECT status, "storageKey", "tokenHash" FROM "DataExport" WHERE id = $1', [id]);
    expect(after).toEqual({ status: 'expired', storageKey: null, tokenHash: null });
    expect(fs.existsSync(file)).toBe(false);
    const failed = await t.sql<{ age: number }>(`SELECT extract(day FROM now() - "createdAt")::int AS age FROM "DataExport" WHERE "memberId" = $1 AND status = 'failed'`, [member.id]);
    expect(failed).toEqual([{ age: 6 }]);
    // The link still answers 410 (not 404) after the purge.
    expect((await fetchBytes(link)).status).toBe(410);
  });
});

describe('data export requests while one is being made', () => {
  // No worker: a requested export stays queued, so the rules can be seen without racing the job.
  let idle: TestApp;
  beforeAll(async () => {
    idle = await startTestApp({ WORKER: 'off' });
  });
  afterAll(() => idle.close());

  it('refuses a second request with 409 while one is queued, and a fourth in 24 hours with 429', async () => {
    const { member, client } = await memberWithClient(idle);
    const first = await client.post('/api/account/exports');
    expect(first.status).toBe(202);
    const second = await client.post('/api/account/exports');
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(second.body.code).toBe('export_in_progress');
    const download = await client.get(`/api/account/exports/${first.body.id}/download`);
    expect(download.status).toBe(409);
    expect(download.body.code).toBe('export_not_ready');
    const jobs = await idle.sql<{ count: number }>(`SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'privacy.data-export' AND data->>'exportId' = $1`, [first.body.id]);
    expect(jobs[0]!.count).toBe(1);

    // Three exports in the last 24 hours (the queued one and two finished): the fourth waits.
    await idle.sql(`UPDATE "DataExport" SET status = 'ready', "expiresAt" = now() + interval '7 days' WHERE id = $1`, [first.body.id]);
    await idle.sql(`INSERT INTO "DataExport" (id, "memberId", status, "createdAt") VALUES (gen_random_uuid(), $1, 'failed', now() - interval '2 hours'), (gen_random_uuid(), $1, 'expired', now() - interval '23 hours')`, [member.id]);
    const limited = await client.post('/api/account/exports');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('export_limit_reached');
    expect(limited.body.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.body.retryAfterSeconds).toBeLessThanOrEqual(3600);
  });

  it('runs one export at a time when its job is started again while a run is still going (an overdue retry): one archive, one link e-mail', async () => {
    // A run that outlives its expiry is retried while it still runs; the job is exclusive per export.
    const { member, client } = await memberWithClient(idle);
    const requested = await client.post<{ id: string }>('/api/account/exports');
    expect(requested.status).toBe(202);
    const jobs = idle.app.get(JobQueue);
    await Promise.all([1, 2, 3].map(() => jobs.runNow(DATA_EXPORT_JOB, { exportId: requested.body.id })));

    const view = (await client.get<ExportView>(`/api/account/exports/${requested.body.id}`)).body;
    expect(view).toMatchObject({ status: 'ready', downloadable: true });
    const archive = await fetchBytes(`${idle.url}${view.downloadPath}`, client);
    expect(archive.status).toBe(200);
    expect([...(await unzip(archive.body)).keys()]).toContain('README.txt');
    const linkMails = await idle.sql(`SELECT 1 FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 AND data->>'subject' IN ('Je gegevensexport is klaar', 'Your data export is ready')`, [member.email]);
    expect(linkMails).toHaveLength(1);
  });
});

describe('data export on S3 storage', () => {
  // The same archive through the S3 adapter (lib-storage's Upload of a stream of unknown length),
  // against a real S3-protocol server.
  let s3: TestApp;
  let server: S3rver;
  let directory: string;
  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-s3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
    const { port } = await server.run();
    s3 = await startTestApp({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'lesplein-export-test',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_CREATE_BUCKET: 'true',
    });
    await s3.app.get(TaxonomyService).seedIfEmpty();
  });
  afterAll(async () => {
    await s3?.close();
    await server?.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('stores the archive in the bucket, streams it back with the uploaded file, and the purge deletes it', async () => {
    const { member, client } = await memberWithClient(s3);
    const resource = await createResource(client, { title: 'Werkblad in de emmer' });
    const bytes = Buffer.from('Tafels van vermenigvuldiging: 7 x 8 = 56\n'.repeat(200), 'utf8');
    expect((await uploadFile(client, resource.id, 'tafels.txt', bytes)).status).toBe(201);
    const id = (await client.post('/api/account/exports')).body.id as string;
    const done = await waitUntilDone(client, id);
    expect(done.status).toBe('ready');

    const [row] = await s3.sql<{ storageKey: string }>('SELECT "storageKey" FROM "DataExport" WHERE id = $1', [id]);
    const storage = s3.app.get<ObjectStorage>(OBJECT_STORAGE);
    expect(await storage.exists(row!.storageKey)).toBe(true);
    const downloaded = await fetchBytes(`${s3.url}${done.downloadPath}`, client);
    expect(downloaded.status).toBe(200);
    const entries = await unzip(downloaded.body);
    expect((json(entries, 'profile.json') as { id: string }).id).toBe(member.id);
    const files = [...entries.keys()].filter((name) => name.startsWith(`files/${resource.id}/`));
    expect(files).toHaveLength(1);
    expect(entries.get(files[0]!)!.equals(bytes)).toBe(true);

    await s3.sql(`UPDATE "DataExport" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect((await s3.app.get(DataExportRetention).purge()).expired).toBe(1);
    expect(await storage.exists(row!.storageKey)).toBe(false);
  });
});
