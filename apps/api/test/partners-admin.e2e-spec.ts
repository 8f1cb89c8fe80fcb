import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keys } from '../src/core/crypto/keys.js';
import { openClientSecret } from '../src/modules/partners/partner-secrets.js';
import { createMember, memberWithClient, moderatorClient } from './factories/members.js';
import type { HttpClient, Response } from './support/http-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await moderatorClient(t, 'admin');
});
afterAll(() => t.close());

const UNKNOWN_ID = '00000000-0000-4000-8000-00000000abcd';

const notice = (overrides: Record<string, unknown> = {}) => ({
  serviceDescription: 'Digitale oefenplatform bij de methode Rekenrijk.',
  purposes: 'Inloggen met Lesplein en de klasomgeving vullen.',
  dataCategories: ['openid', 'profile', 'email'],
  retention: 'Tot 1 jaar na het laatste gebruik.',
  storageLocation: 'EU (Nederland)',
  subProcessors: ['Hostingbedrijf BV'],
  ...overrides,
});

const partnerInput = (overrides: Record<string, unknown> = {}) => {
  const suffix = randomBytes(4).toString('hex');
  return {
    name: `Uitgeverij ${suffix}`,
    legalName: `Uitgeverij ${suffix} BV`,
    address: 'Schoolstraat 1, 1000 Brussel',
    contactEmail: 'contact@uitgeverij.example',
    dpoEmail: 'privacy@uitgeverij.example',
    websiteUrl: 'https://uitgeverij.example',
    privacyPolicyUrl: 'https://uitgeverij.example/privacy',
    notificationUrl: 'https://app.uitgeverij.example/lesplein/revocations',
    redirectUris: ['https://app.uitgeverij.example/callback', 'https://app.uitgeverij.example/silent'],
    allowedScopes: ['profile', 'email'],
    notice: notice(),
    ...overrides,
  };
};

async function createPartner(overrides: Record<string, unknown> = {}) {
  const response = await admin.post('/api/admin/partners', partnerInput(overrides));
  expect(response.status, response.text).toBe(201);
  return response.body as { partner: { id: string; name: string; clientId: string; [key: string]: any }; credentials: { partnerId: string; clientId: string; clientSecret: string | null } };
}

function expectProblem(response: Response, status: number, code: string, label = '') {
  expect(response.status, `${label} ${response.text}`).toBe(status);
  expect(response.headers.get('content-type'), label).toContain('application/problem+json');
  expect(response.body.code, label).toBe(code);
}

/** A member's consent for the partner, inserted as the consent screen would record it. */
async function insertConsent(partnerId: string, memberId: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>(
    `INSERT INTO "PartnerConsent" (id, "memberId", subject, "partnerId", "noticeId", "grantedScopes", "refusedScopes", "consentTextHash", language, "grantId")
     SELECT gen_random_uuid(), $1::uuid, $2, $3::uuid, n.id, ARRAY['openid','profile'], ARRAY['email'], repeat('a', 64), 'nl', $4
       FROM "PartnerNotice" n WHERE n."partnerId" = $3::uuid ORDER BY n.version DESC LIMIT 1
     RETURNING id`,
    [memberId, `sub-${randomBytes(8).toString('hex')}`, partnerId, `grant-${randomBytes(8).toString('hex')}`],
  );
  return row!.id;
}

describe('admin partner registration (POST /api/admin/partners)', () => {
  it('creates the partner with notice version 1, adds openid to the scopes and returns the secret once', async () => {
    const input = partnerInput();
    const response = await admin.post('/api/admin/partners', input);
    expect(response.status, response.text).toBe(201);
    const { partner, credentials } = response.body;
    expect(partner).toMatchObject({
      name: input.name,
      legalName: input.legalName,
      websiteUrl: input.websiteUrl,
      notificationUrl: input.notificationUrl,
      status: 'active',
      suspendedAt: null,
      clientAuth: 'client_secret_basic',
      redirectUris: input.redirectUris,
      allowedScopes: ['openid', 'profile', 'email'],
      activeConsents: 0,
      notice: { version: 1, dataCategories: ['openid', 'profile', 'email'], subProcessors: ['Hostingbedrijf BV'] },
    });
    expect(partner.notices).toHaveLength(1);
    expect(credentials.partnerId).toBe(partner.id);
    expect(credentials.clientId).toBe(partner.clientId);
    expect(credentials.clientId).toMatch(/^lp_[\w-]{16}$/);
    expect(credentials.clientSecret).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(partner)).not.toContain(credentials.clientSecret);

    // Stored sealed: not the secret itself, nor anything containing it, but it opens to it.
    const [row] = await t.sql<{ clientSecretSealed: string; dump: string }>(`SELECT "clientSecretSealed", row_to_json(p)::text AS dump FROM "Partner" p WHERE id = $1`, [partner.id]);
    expect(row!.dump).not.toContain(credentials.clientSecret);
    expect(row!.clientSecretSealed).not.toBe(credentials.clientSecret);
    expect(openClientSecret(t.app.get(Keys), row!.clientSecretSealed)).toBe(credentials.clientSecret);

    // Never shown again.
    const again = await admin.get(`/api/admin/partners/${partner.id}`);
    expect(again.status).toBe(200);
    expect(again.text).not.toContain(credentials.clientSecret);
    expect(again.text).not.toContain(row!.clientSecretSealed);
    expect((await admin.get('/api/admin/partners')).text).not.toContain(credentials.clientSecret);
  });

  it('creates a public client (clientAuth none) without a secret; http redirect URIs only for localhost', async () => {
    const { partner, credentials } = await createPartner({ clientAuth: 'none', redirectUris: ['http://localhost:5174/callback'], allowedScopes: ['openid'] });
    expect(credentials.clientSecret).toBeNull();
    expect(partner).toMatchObject({ clientAuth: 'none', allowedScopes: ['openid'] });
    const [row] = await t.sql<{ clientSecretSealed: string | null }>(`SELECT "clientSecretSealed" FROM "Partner" WHERE id = $1`, [partner.id]);
    expect(row!.clientSecretSealed).toBeNull();
  });

  it('refuses unsafe addresses, bad redirect URIs and scopes the notice does not name (400 problem+json)', async () => {
    const cases: Array<[string, Record<string, unknown>, string?]> = [
      ['javascript: website', { websiteUrl: 'javascript:alert(1)' }, 'websiteUrl'],
      ['a logo address (logos are uploaded)', { logoUrl: 'https://uitgeverij.example/logo.png' }],
      ['http policy off localhost', { privacyPolicyUrl: 'http://uitgeverij.example/privacy' }, 'privacyPolicyUrl'],
      ['credentials in a URL', { notificationUrl: 'https://user:pass@uitgeverij.example/hook' }, 'notificationUrl'],
      ['redirect URI with a fragment', { redirectUris: ['https://app.uitgeverij.example/callback#x'] }, 'redirectUris.0'],
      ['http redirect URI off localhost', { redirectUris: ['http://app.uitgeverij.example/callback'] }, 'redirectUris.0'],
      ['javascript: redirect URI', { redirectUris: ['javascript:alert(1)//'] }, 'redirectUris.0'],
      ['no redirect URI', { redirectUris: [] }, 'redirectUris'],
      ['redirect URIs on two hosts', { redirectUris: ['https://app.uitgeverij.example/cb', 'https://login.uitgeverij.example/cb'] }, 'redirectUris'],
      ['same host, other port', { redirectUris: ['http://localhost:5174/cb', 'http://localhost:5175/cb'] }, 'redirectUris'],
      ['scope not in the notice', { allowedScopes: ['profile', 'school'] }, 'notice.dataCategories'],
      ['unknown scope', { allowedScopes: ['profile', 'offline_access'] }],
      ['unknown field', { clientSecret: 'mine' }],
      ['unknown field in the notice', { notice: { ...notice(), extra: true } }],
      ['notice missing', { notice: undefined }],
      ['bad e-mail address', { dpoEmail: 'privacy at uitgeverij' }, 'dpoEmail'],
      ['bad client authentication', { clientAuth: 'private_key_jwt' }, 'clientAuth'],
      ['empty name', { name: '   ' }, 'name'],
    ];
    for (const [label, overrides, path] of cases) {
      const response = await admin.post('/api/admin/partners', partnerInput(overrides));
      expectProblem(response, 400, 'validation_failed', label);
      expect(Array.isArray(response.body.errors), label).toBe(true);
      if (path) expect(response.body.errors.map((error: { path: string }) => error.path), label).toContain(path);
    }
    const twoHosts = await admin.post('/api/admin/partners', partnerInput({ redirectUris: ['https://a.example/cb', 'https://b.example/cb'] }));
    expect(twoHosts.body.errors[0].message).toMatch(/one host \(a\.example, b\.example\)/);
    const scopes = await admin.post('/api/admin/partners', partnerInput({ allowedScopes: ['school', 'teaching'] }));
    expect(scopes.body.errors[0].message).toMatch(/does not list these data categories: school, teaching/);
    const [count] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Partner" WHERE "websiteUrl" LIKE 'javascript%'`);
    expect(count!.n).toBe(0);
  });

  it('refuses a name another partner has, whatever the case (409)', async () => {
    const { partner } = await createPartner();
    expectProblem(await admin.post('/api/admin/partners', partnerInput({ name: partner.name })), 409, 'conflict');
    expectProblem(await admin.post('/api/admin/partners', partnerInput({ name: partner.name.toUpperCase() })), 409, 'conflict');
  });

  it('returns XSS-like text verbatim as JSON data, in the admin views and the public directory', async () => {
    const name = `<script>alert("x")</script> ${randomBytes(3).toString('hex')}`;
    const description = `<img src=x onerror=alert(1)> "quotes" & 'apostrophes' </textarea>`;
    const { partner } = await createPartner({ name, address: '{{constructor.constructor("alert(1)")()}}', notice: notice({ serviceDescription: description, subProcessors: ['<b>Bold</b> BV'] }) });
    expect(partner.name).toBe(name);
    for (const response of [await admin.get(`/api/admin/partners/${partner.id}`), await t.client().get(`/api/partners/${partner.id}`)]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(response.body).toMatchObject({ name, address: '{{constructor.constructor("alert(1)")()}}', notice: { serviceDescription: description, subProcessors: ['<b>Bold</b> BV'] } });
    }
    const list = await t.client().get('/api/partners');
    expect(list.status).toBe(200);
    expect(list.body.items.find((item: { id: string }) => item.id === partner.id).name).toBe(name);
  });
});

describe('admin partner list and detail', () => {
  it('lists every partner by name, suspended ones too', async () => {
    const zebra = await createPartner({ name: `Zz laatste ${randomBytes(3).toString('hex')}` });
    const aardvark = await createPartner({ name: `Aa eerste ${randomBytes(3).toString('hex')}` });
    await admin.post(`/api/admin/partners/${zebra.partner.id}/suspend`);
    const response = await admin.get('/api/admin/partners');
    expect(response.status).toBe(200);
    const ids = response.body.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(zebra.partner.id);
    expect(ids.indexOf(aardvark.partner.id)).toBeLessThan(ids.indexOf(zebra.partner.id));
    const names = response.body.items.map((item: { name: string }) => item.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'nl', { sensitivity: 'base' })));
  });

  it('shows one partner; 404 for an unknown id, 400 for a malformed one', async () => {
    const { partner } = await createPartner();
    const response = await admin.get(`/api/admin/partners/${partner.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(partner);
    expectProblem(await admin.get(`/api/admin/partners/${UNKNOWN_ID}`), 404, 'not_found');
    expectProblem(await admin.get('/api/admin/partners/not-a-uuid'), 400, 'validation_failed');
  });
});

describe('admin partner changes (PATCH /api/admin/partners/:id)', () => {
  it('changes identity and client settings, adding openid to the scopes', async () => {
    const { partner } = await createPartner();
    const name = `Hernoemd ${randomBytes(3).toString('hex')}`;
    const response = await admin.patch(`/api/admin/partners/${partner.id}`, {
      name,
      notificationUrl: null,
      websiteUrl: 'https://nieuw.uitgeverij.example',
      redirectUris: ['https://nieuw.uitgeverij.example/callback'],
      allowedScopes: ['email'],
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({
      name,
      logoUrl: null,
      notificationUrl: null,
      websiteUrl: 'https://nieuw.uitgeverij.example',
      redirectUris: ['https://nieuw.uitgeverij.example/callback'],
      allowedScopes: ['openid', 'email'],
      legalName: partner.legalName,
      clientId: partner.clientId,
      notice: { version: 1 },
    });
    expect((await admin.get(`/api/admin/partners/${partner.id}`)).body).toEqual(response.body);
  });

  it('keeps the same rules: one host, scopes in the notice, safe URLs, no unknown fields (400), unique name (409), 404', async () => {
    const { partner } = await createPartner();
    const other = await createPartner();
    const cases: Array<[string, Record<string, unknown>, string?]> = [
      ['two hosts', { redirectUris: ['https://a.example/cb', 'https://b.example/cb'] }, 'redirectUris'],
      ['fragment', { redirectUris: ['https://app.uitgeverij.example/cb#frag'] }, 'redirectUris.0'],
      ['http off localhost', { redirectUris: ['http://app.uitgeverij.example/cb'] }, 'redirectUris.0'],
      ['javascript: website', { websiteUrl: 'javascript:alert(document.cookie)' }, 'websiteUrl'],
      ['scope not in the notice', { allowedScopes: ['teaching'] }, 'allowedScopes'],
      ['unknown field', { clientAuth: 'none' }],
      ['unknown field', { status: 'suspended' }],
      ['a logo address (logos are uploaded)', { logoUrl: 'https://uitgeverij.example/logo.png' }],
      ['nothing to change', {}],
    ];
    for (const [label, body, path] of cases) {
      const response = await admin.patch(`/api/admin/partners/${partner.id}`, body);
      expectProblem(response, 400, 'validation_failed', label);
      if (path) expect(response.body.errors.map((error: { path: string }) => error.path), label).toContain(path);
    }
    expectProblem(await admin.patch(`/api/admin/partners/${partner.id}`, { name: other.partner.name.toLowerCase() }), 409, 'conflict');
    expectProblem(await admin.patch(`/api/admin/partners/${UNKNOWN_ID}`, { legalName: 'X' }), 404, 'not_found');
    expectProblem(await admin.patch('/api/admin/partners/123', { legalName: 'X' }), 400, 'validation_failed');
    // Its own name in another case is not a conflict.
    expect((await admin.patch(`/api/admin/partners/${partner.id}`, { name: partner.name.toUpperCase() })).status).toBe(200);
    expect((await admin.get(`/api/admin/partners/${partner.id}`)).body).toMatchObject({ redirectUris: partner.redirectUris, allowedScopes: partner.allowedScopes });
  });
});

describe('privacy notice versions (POST /api/admin/partners/:id/notices)', () => {
  it('publishes new versions (last + 1), keeps the history and shows the latest publicly', async () => {
    const { partner } = await createPartner();
    const second = await admin.post(`/api/admin/partners/${partner.id}/notices`, notice({ purposes: 'Versie twee', dataCategories: ['profile', 'email', 'school'] }));
    expect(second.status, second.text).toBe(201);
    expect(second.body.notice).toMatchObject({ version: 2, purposes: 'Versie twee', dataCategories: ['profile', 'email', 'school'], subProcessors: ['Hostingbedrijf BV'] });
    const third = await admin.post(`/api/admin/partners/${partner.id}/notices`, { ...notice({ purposes: 'Versie drie' }), subProcessors: undefined });
    expect(third.status, third.text).toBe(201);
    expect(third.body.notice).toMatchObject({ version: 3, purposes: 'Versie drie', subProcessors: [] });
    expect(third.body.notices.map((n: { version: number }) => n.version)).toEqual([3, 2, 1]);
    expect(third.body.notices[2]).toEqual(partner.notice);
    const [versions] = await t.sql<{ versions: number[] }>(`SELECT array_agg(version ORDER BY version) AS versions FROM "PartnerNotice" WHERE "partnerId" = $1`, [partner.id]);
    expect(versions!.versions).toEqual([1, 2, 3]);
    expect((await t.client().get(`/api/partners/${partner.id}`)).body.notice).toMatchObject({ version: 3, purposes: 'Versie drie' });

    // With a notice that names school, the partner may now ask for it.
    const widened = await admin.post(`/api/admin/partners/${partner.id}/notices`, notice({ dataCategories: ['profile', 'email', 'school'] }));
    expect(widened.body.notice.version).toBe(4);
    expect((await admin.patch(`/api/admin/partners/${partner.id}`, { allowedScopes: ['profile', 'school'] })).body.allowedScopes).toEqual(['openid', 'profile', 'school']);
  });

  it('numbers concurrent publications without gaps or duplicates', async () => {
    const { partner } = await createPartner();
    const responses = await Promise.all([1, 2, 3, 4].map((i) => admin.post(`/api/admin/partners/${partner.id}/notices`, notice({ purposes: `Gelijktijdig ${i}` }))));
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201]);
    const rows = await t.sql<{ version: number }>(`SELECT version FROM "PartnerNotice" WHERE "partnerId" = $1 ORDER BY version`, [partner.id]);
    expect(rows.map((row) => row.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a notice that leaves out an allowed scope, unknown fields and bad categories (400), unknown partner (404)', async () => {
    const { partner } = await createPartner();
    const missing = await admin.post(`/api/admin/partners/${partner.id}/notices`, notice({ dataCategories: ['profile'] }));
    expectProblem(missing, 400, 'validation_failed');
    expect(missing.body.errors).toEqual([{ path: 'dataCategories', message: expect.stringMatching(/data categories: email/) }]);
    expectProblem(await admin.post(`/api/admin/partners/${partner.id}/notices`, { ...notice(), version: 7 }), 400, 'validation_failed');
    expectProblem(await admin.post(`/api/admin/partners/${partner.id}/notices`, notice({ dataCategories: ['shoe_size'] })), 400, 'validation_failed');
    expectProblem(await admin.post(`/api/admin/partners/${partner.id}/notices`, notice({ retention: '' })), 400, 'validation_failed');
    expectProblem(await admin.post(`/api/admin/partners/${UNKNOWN_ID}/notices`, notice()), 404, 'not_found');
    expect((await admin.get(`/api/admin/partners/${partner.id}`)).body.notices).toHaveLength(1);
  });
});

describe('suspension (POST /api/admin/partners/:id/suspend and /reactivate)', () => {
  it('withdraws every consent, hides the partner from the directory, and both are idempotent', async () => {
    const { partner } = await createPartner();
    const first = await createMember(t);
    const second = await createMember(t);
    const consents = [await insertConsent(partner.id, first.id), await insertConsent(partner.id, second.id)];
    const alreadyWithdrawn = await insertConsent(partner.id, first.id);
    await t.sql(`INSERT INTO "PartnerConsentWithdrawal" ("consentId", "withdrawnBy", "actorId") VALUES ($1, 'member', $2)`, [alreadyWithdrawn, first.id]);
    expect((await admin.get(`/api/admin/partners/${partner.id}`)).body.activeConsents).toBe(2);
    expect((await t.client().get('/api/partners')).body.items.map((item: { id: string }) => item.id)).toContain(partner.id);

    const suspended = await admin.post(`/api/admin/partners/${partner.id}/suspend`);
    expect(suspended.status, suspended.text).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', activeConsents: 0 });
    expect(Date.parse(suspended.body.suspendedAt)).toBeGreaterThan(Date.now() - 60_000);
    const withdrawals = await t.sql<{ consentId: string; withdrawnBy: string; role: string }>(
      `SELECT w."consentId", w."withdrawnBy"::text, m.role::text FROM "PartnerConsentWithdrawal" w JOIN "Member" m ON m.id = w."actorId" WHERE w."consentId" = ANY($1::uuid[]) ORDER BY w."consentId"`,
      [consents],
    );
    expect(withdrawals).toEqual([...consents].sort().map((consentId) => ({ consentId, withdrawnBy: 'admin', role: 'admin' })));
    const [earlier] = await t.sql<{ withdrawnBy: string }>(`SELECT "withdrawnBy"::text FROM "PartnerConsentWithdrawal" WHERE "consentId" = $1`, [alreadyWithdrawn]);
    expect(earlier!.withdrawnBy).toBe('member');

    expect((await t.client().get('/api/partners')).body.items.map((item: { id: string }) => item.id)).not.toContain(partner.id);
    expectProblem(await t.client().get(`/api/partners/${partner.id}`), 404, 'not_found');

    const again = await admin.post(`/api/admin/partners/${partner.id}/suspend`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'suspended', suspendedAt: suspended.body.suspendedAt });

    const reactivated = await admin.post(`/api/admin/partners/${partner.id}/reactivate`);
    expect(reactivated.status).toBe(200);
    expect(reactivated.body).toMatchObject({ status: 'active', suspendedAt: null, activeConsents: 0 });
    expect((await admin.post(`/api/admin/partners/${partner.id}/reactivate`)).body).toMatchObject({ status: 'active', suspendedAt: null });
    expect((await t.client().get(`/api/partners/${partner.id}`)).status).toBe(200);
    // The consents stay withdrawn: members consent again.
    const [open] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "PartnerConsent" c LEFT JOIN "PartnerConsentWithdrawal" w ON w."consentId" = c.id WHERE c."partnerId" = $1 AND w."consentId" IS NULL`, [partner.id]);
    expect(open!.n).toBe(0);
  });

  it('answers 404 for an unknown partner and 400 for a malformed id', async () => {
    for (const action of ['suspend', 'reactivate']) {
      expectProblem(await admin.post(`/api/admin/partners/${UNKNOWN_ID}/${action}`), 404, 'not_found', action);
      expectProblem(await admin.post(`/api/admin/partners/x/${action}`), 400, 'validation_failed', action);
    }
  });
});

describe('client secret (POST /api/admin/partners/:id/secret)', () => {
  it('replaces the secret, returns it once and stores it sealed', async () => {
    const { partner, credentials } = await createPartner({ clientAuth: 'client_secret_post' });
    const response = await admin.post(`/api/admin/partners/${partner.id}/secret`);
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({ partnerId: partner.id, clientId: partner.clientId, clientSecret: expect.stringMatching(/^[\w-]{43}$/) });
    expect(response.body.clientSecret).not.toBe(credentials.clientSecret);
    const [row] = await t.sql<{ clientSecretSealed: string; dump: string }>(`SELECT "clientSecretSealed", row_to_json(p)::text AS dump FROM "Partner" p WHERE id = $1`, [partner.id]);
    expect(row!.dump).not.toContain(response.body.clientSecret);
    expect(openClientSecret(t.app.get(Keys), row!.clientSecretSealed)).toBe(response.body.clientSecret);
    expect((await admin.get(`/api/admin/partners/${partner.id}`)).text).not.toContain(response.body.clientSecret);
  });

  it('refuses a public client (400), an unknown partner (404) and a malformed id (400)', async () => {
    const { partner } = await createPartner({ clientAuth: 'none', redirectUris: ['http://127.0.0.1:8080/cb'] });
    const refused = await admin.post(`/api/admin/partners/${partner.id}/secret`);
    expectProblem(refused, 400, 'validation_failed');
    expect(refused.body.errors[0].path).toBe('clientAuth');
    expectProblem(await admin.post(`/api/admin/partners/${UNKNOWN_ID}/secret`), 404, 'not_found');
    expectProblem(await admin.post('/api/admin/partners/x/secret'), 400, 'validation_failed');
  });
});

describe('public partner directory (GET /api/partners)', () => {
  it('lists active partners by name with their current notice and no client settings', async () => {
    const { partner } = await createPartner();
    const response = await t.client().get('/api/partners');
    expect(response.status).toBe(200);
    const names = response.body.items.map((item: { name: string }) => item.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'nl', { sensitivity: 'base' })));
    const listed = response.body.items.find((item: { id: string }) => item.id === partner.id);
    expect(listed).toEqual({
      id: partner.id,
      name: partner.name,
      legalName: partner.legalName,
      address: partner.address,
      contactEmail: partner.contactEmail,
      dpoEmail: partner.dpoEmail,
      logoUrl: partner.logoUrl,
      websiteUrl: partner.websiteUrl,
      privacyPolicyUrl: partner.privacyPolicyUrl,
      notice: partner.notice,
    });
    expect((await t.client().get(`/api/partners/${partner.id}`)).body).toEqual(listed);
    expect(response.text).not.toContain(partner.clientId);
  });

  it('answers 404 for an unknown partner and 400 for a malformed id', async () => {
    expectProblem(await t.client().get(`/api/partners/${UNKNOWN_ID}`), 404, 'not_found');
    expectProblem(await t.client().get('/api/partners/abc'), 400, 'validation_failed');
  });
});

/** A photo-like JPEG that carries EXIF metadata (author, copyright). */
function jpegWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 900, height: 300, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Geheime Ontwerper', Copyright: 'Privé Studio' } })
    .toBuffer();
}

/** A small square PNG with transparency. */
function png(size = 64): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 4, background: { r: 240, g: 120, b: 0, alpha: 0.5 } } }).png().toBuffer();
}

const uploadLogo = (client: HttpClient, id: string, image: Buffer | string, type: string) => client.put(`/api/admin/partners/${id}/logo`, undefined, { raw: image, headers: { 'content-type': type } });

async function fetchLogo(path: string) {
  const response = await fetch(`${t.url}${path}`);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('partner logo (PUT and DELETE /api/admin/partners/:id/logo, GET /api/partners/:id/logo)', () => {
  it('re-encodes an uploaded PNG, serves it from the platform with a versioned address and long caching', async () => {
    const { partner } = await createPartner();
    expect(partner.logoUrl).toBeNull();
    const uploaded = await uploadLogo(admin, partner.id, await png(), 'image/png');
    expect(uploaded.status, uploaded.text).toBe(200);
    expect(uploaded.body.logoUrl).toMatch(new RegExp(`^/api/partners/${partner.id}/logo\\?v=\\d+$`));
    expect(uploaded.body).toMatchObject({ id: partner.id, name: partner.name, notice: partner.notice });

    // Every view points to the same address of ours.
    expect((await admin.get(`/api/admin/partners/${partner.id}`)).body.logoUrl).toBe(uploaded.body.logoUrl);
    expect((await t.client().get(`/api/partners/${partner.id}`)).body.logoUrl).toBe(uploaded.body.logoUrl);
    expect((await t.client().get('/api/partners')).body.items.find((item: { id: string }) => item.id === partner.id).logoUrl).toBe(uploaded.body.logoUrl);

    const { response, bytes } = await fetchLogo(uploaded.body.logoUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe('inline');
    expect(response.headers.get('cache-control')).toMatch(/max-age=31536000/);
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 64, height: 64, hasAlpha: true });
  });

  it('strips the EXIF data of a JPEG and scales it to at most 256 px; a new upload gets a new address', async () => {
    const { partner } = await createPartner();
    const first = await uploadLogo(admin, partner.id, await png(), 'image/png');
    const original = await jpegWithExif();
    expect(original.includes(Buffer.from('Geheime Ontwerper'))).toBe(true);
    const uploaded = await uploadLogo(admin, partner.id, original, 'image/jpeg');
    expect(uploaded.status, uploaded.text).toBe(200);
    expect(uploaded.body.logoUrl).not.toBe(first.body.logoUrl);
    const { response, bytes } = await fetchLogo(uploaded.body.logoUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(bytes.includes(Buffer.from('Geheime Ontwerper'))).toBe(false);
    expect(bytes.includes(Buffer.from('Privé Studio'))).toBe(false);
    const metadata = await sharp(bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata).toMatchObject({ format: 'webp', width: 256, height: 85 });
    // Stored re-encoded: the original bytes are nowhere in the database row.
    const [row] = await t.sql<{ logo: Buffer; logoMimeType: string }>(`SELECT logo, "logoMimeType" FROM "Partner" WHERE id = $1`, [partner.id]);
    expect(row!.logoMimeType).toBe('image/webp');
    expect(Buffer.from(row!.logo).equals(bytes)).toBe(true);

    const entries = await admin.get(`/api/admin/audit?action=partner.logo&targetId=${partner.id}`);
    expect(entries.body.items.map((entry: { action: string }) => entry.action)).toEqual(['partner.logo_changed', 'partner.logo_changed']);
    expect(entries.body.items[0]).toMatchObject({ actorRole: 'admin', targetType: 'partner', details: { mimeType: 'image/webp' } });
  });

  it('refuses what is not an image (400), a type it does not take (415) and too large a body (413), as problem+json', async () => {
    const { partner } = await createPartner();
    const notImage = await uploadLogo(admin, partner.id, Buffer.from('MZ this is not an image'), 'image/png');
    expectProblem(notImage, 400, 'validation_failed');
    expect(notImage.body.errors[0].path).toBe('logo');
    const json = await admin.put(`/api/admin/partners/${partner.id}/logo`, {});
    expectProblem(json, 400, 'validation_failed', 'JSON body');
    expect(json.body.errors[0].message).toMatch(/JPEG, PNG or WebP/);
    expectProblem(await uploadLogo(admin, partner.id, 'plain text', 'text/plain'), 400, 'validation_failed', 'text');
    const svg = await uploadLogo(admin, partner.id, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'image/svg+xml');
    expect(svg.status).toBe(415);
    expect(svg.headers.get('content-type')).toContain('application/problem+json');
    const tooLarge = await uploadLogo(admin, partner.id, Buffer.concat([await png(), randomBytes(5 * 1024 * 1024)]), 'image/png');
    expectProblem(tooLarge, 413, 'payload_too_large');
    expect((await admin.get(`/api/admin/partners/${partner.id}`)).body.logoUrl).toBeNull();
    expectProblem(await t.client().get(`/api/partners/${partner.id}/logo`), 404, 'not_found');
  });

  it('removes the logo (again is harmless) and answers 404 for it afterwards', async () => {
    const { partner } = await createPartner();
    const uploaded = await uploadLogo(admin, partner.id, await png(), 'image/png');
    const removed = await admin.delete(`/api/admin/partners/${partner.id}/logo`);
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body).toMatchObject({ id: partner.id, logoUrl: null });
    expect((await t.client().get(`/api/partners/${partner.id}`)).body.logoUrl).toBeNull();
    expectProblem(await t.client().get(uploaded.body.logoUrl), 404, 'not_found');
    const [row] = await t.sql<{ logo: Buffer | null; logoMimeType: string | null }>(`SELECT logo, "logoMimeType" FROM "Partner" WHERE id = $1`, [partner.id]);
    expect(row).toEqual({ logo: null, logoMimeType: null });
    expect((await admin.delete(`/api/admin/partners/${partner.id}/logo`)).body.logoUrl).toBeNull();
    const entries = await admin.get(`/api/admin/audit?action=partner.logo&targetId=${partner.id}`);
    expect(entries.body.items.map((entry: { action: string }) => entry.action)).toEqual(['partner.logo_removed', 'partner.logo_changed']);
  });

  it('does not serve a suspended partner’s logo (404) until it is reactivated', async () => {
    const { partner } = await createPartner();
    await uploadLogo(admin, partner.id, await png(), 'image/png');
    const suspended = await admin.post(`/api/admin/partners/${partner.id}/suspend`);
    expectProblem(await t.client().get(suspended.body.logoUrl), 404, 'not_found');
    const reactivated = await admin.post(`/api/admin/partners/${partner.id}/reactivate`);
    expect((await fetchLogo(reactivated.body.logoUrl)).response.status).toBe(200);
  });

  it('answers 404 for an unknown partner and 400 for a malformed id', async () => {
    expectProblem(await uploadLogo(admin, UNKNOWN_ID, await png(), 'image/png'), 404, 'not_found', 'PUT');
    expectProblem(await admin.delete(`/api/admin/partners/${UNKNOWN_ID}/logo`), 404, 'not_found', 'DELETE');
    expectProblem(await t.client().get(`/api/partners/${UNKNOWN_ID}/logo`), 404, 'not_found', 'GET');
    expectProblem(await uploadLogo(admin, 'x', await png(), 'image/png'), 400, 'validation_failed', 'PUT');
    expectProblem(await t.client().get('/api/partners/x/logo'), 400, 'validation_failed', 'GET');
  });

  it('lets admins only upload or remove it: 401 for visitors, 403 for members and moderators', async () => {
    const { partner } = await createPartner();
    const image = await png();
    const { client: member } = await memberWithClient(t);
    const moderator = await moderatorClient(t, 'moderator');
    expectProblem(await uploadLogo(t.client(), partner.id, image, 'image/png'), 401, 'unauthenticated', 'visitor PUT');
    expectProblem(await t.client().delete(`/api/admin/partners/${partner.id}/logo`), 401, 'unauthenticated', 'visitor DELETE');
    for (const [label, client] of [['member', member], ['moderator', moderator]] as const) {
      expectProblem(await uploadLogo(client, partner.id, image, 'image/png'), 403, 'forbidden', `${label} PUT`);
      expectProblem(await client.delete(`/api/admin/partners/${partner.id}/logo`), 403, 'forbidden', `${label} DELETE`);
    }
    expect((await admin.get(`/api/admin/partners/${partner.id}`)).body.logoUrl).toBeNull();
  });
});

describe('who may manage partners', () => {
  const ROUTES: Array<[string, string, unknown?]> = [
    ['GET', '/api/admin/partners'],
    ['POST', '/api/admin/partners', partnerInput()],
    ['GET', `/api/admin/partners/${UNKNOWN_ID}`],
    ['PATCH', `/api/admin/partners/${UNKNOWN_ID}`, { legalName: 'X' }],
    ['POST', `/api/admin/partners/${UNKNOWN_ID}/notices`, notice()],
    ['POST', `/api/admin/partners/${UNKNOWN_ID}/suspend`],
    ['POST', `/api/admin/partners/${UNKNOWN_ID}/reactivate`],
    ['POST', `/api/admin/partners/${UNKNOWN_ID}/secret`],
    ['PUT', `/api/admin/partners/${UNKNOWN_ID}/logo`, {}],
    ['DELETE', `/api/admin/partners/${UNKNOWN_ID}/logo`],
  ];

  it('admins only: 401 for visitors, 403 for members, moderators and admins without 2FA', async () => {
    const { partner } = await createPartner();
    const { client: member } = await memberWithClient(t);
    const moderator = await moderatorClient(t, 'moderator');
    const pendingAdmin = (await memberWithClient(t, { role: 'admin' })).client;
    for (const [method, template, body] of ROUTES) {
      const path = template.replace(UNKNOWN_ID, partner.id);
      const label = `${method} ${template}`;
      expectProblem(await t.client().request(method, path, body), 401, 'unauthenticated', label);
      expectProblem(await member.request(method, path, body), 403, 'forbidden', label);
      expectProblem(await moderator.request(method, path, body), 403, 'forbidden', label);
      expectProblem(await pendingAdmin.request(method, path, body), 403, 'second_factor_required', label);
    }
    // Nothing changed.
    expect((await admin.get(`/api/admin/partners/${partner.id}`)).body).toEqual(partner);
  });
});
