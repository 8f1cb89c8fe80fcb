import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberWithClient } from './factories/members.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.get((await import('../src/modules/taxonomy/taxonomy.service.js')).TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

async function photoWithMetadata(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Geheime Fotograaf', Copyright: 'Privé Persoon' } })
    .toBuffer();
}

describe('own profile', () => {
  it('reads and updates profile fields, teaching and visibility', async () => {
    const { member, client } = await memberWithClient(t);
    const initial = await client.get('/api/account/profile');
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ email: member.email, firstName: member.firstName, placeOfResidence: null, subjects: [], visibility: { dateOfBirth: 'private', school: 'members' } });

    const updated = await client.patch('/api/account/profile', {
      placeOfResidence: 'Brugge',
      gender: 'x',
      dateOfBirth: '1985-04-12',
      school: 'VBS De Linde',
      professionalRole: 'teacher',
      subjects: ['wiskunde', 'nederlands', 'wiskunde'],
      levels: ['lager-5'],
      visibility: { school: 'public', teaching: 'public' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ placeOfResidence: 'Brugge', gender: 'x', dateOfBirth: '1985-04-12', levels: ['lager-5'], visibility: { school: 'public', teaching: 'public', dateOfBirth: 'private' } });
    expect([...updated.body.subjects].sort()).toEqual(['nederlands', 'wiskunde']);
    const cleared = await client.patch('/api/account/profile', { placeOfResidence: null });
    expect(cleared.body.placeOfResidence).toBeNull();
    expect(cleared.body.school).toBe('VBS De Linde');
  });

  it('refuses bad input and changes nothing', async () => {
    const { client } = await memberWithClient(t);
    const bad = [
      { subjects: ['bestaat-niet'] },
      { levels: ['nergens'] },
      { dateOfBirth: '12/04/1985' },
      { dateOfBirth: '2024-01-01' },
      { gender: 'unknown' },
      { visibility: { school: 'everyone' } },
      { email: 'sneaky@example.org' },
      { firstName: '' },
    ];
    for (const body of bad) {
      const response = await client.patch('/api/account/profile', { school: 'Mag niet blijven', ...body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('validation_failed');
    }
    expect((await client.get('/api/account/profile')).body.school).toBeNull();
  });

  it('stores optional fields only with consent, records the consent and erases on withdrawal', async () => {
    const { member, client } = await memberWithClient(t);
    expect((await client.put('/api/account/profile/optional', { field: 'aboutMe', value: 'Ik geef graag les.' })).status).toBe(400);
    expect((await client.put('/api/account/profile/optional', { field: 'aboutMe', consent: false, value: 'x' })).status).toBe(400);
    expect((await client.put('/api/account/profile/optional', { field: 'website', consent: true, value: 'javascript:alert(1)' })).status).toBe(400);

    const about = await client.put('/api/account/profile/optional', { field: 'aboutMe', consent: true, value: 'Ik geef graag les.' });
    expect(about.status).toBe(200);
    expect(about.body).toMatchObject({ aboutMe: 'Ik geef graag les.', consents: { aboutMe: true, website: false } });
    const site = await client.put('/api/account/profile/optional', { field: 'socialLinks', consent: true, value: ['https://mastodon.example/@juf'] });
    expect(site.body.socialLinks).toEqual(['https://mastodon.example/@juf']);

    const withdrawn = await client.delete('/api/account/profile/optional/aboutMe');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ aboutMe: null, consents: { aboutMe: false } });
    const [row] = await t.sql<{ aboutMe: string | null }>('SELECT "aboutMe" FROM "Member" WHERE id = $1', [member.id]);
    expect(row!.aboutMe).toBeNull();
    const evidence = await t.sql<{ field: string; granted: boolean }>('SELECT field, granted FROM "ProfileFieldConsent" WHERE "memberId" = $1 ORDER BY at', [member.id]);
    expect(evidence).toEqual([
      { field: 'aboutMe', granted: true },
      { field: 'socialLinks', granted: true },
      { field: 'aboutMe', granted: false },
    ]);
    expect((await client.delete('/api/account/profile/optional/email')).status).toBe(400);
  });

  it('re-encodes the photo without its metadata, only with consent', async () => {
    const { member, client } = await memberWithClient(t);
    const original = await photoWithMetadata();
    expect(original.includes(Buffer.from('Geheime Fotograaf'))).toBe(true);
    const refused = await client.put('/api/account/profile/photo?consent=false', undefined, { raw: original, headers: { 'content-type': 'image/jpeg' } });
    expect(refused.status).toBe(400);
    const notImage = await client.put('/api/account/profile/photo?consent=true', undefined, { raw: Buffer.from('MZ this is not an image'), headers: { 'content-type': 'image/png' } });
    expect(notImage.status).toBe(400);
    const wrongType = await client.put('/api/account/profile/photo?consent=true', undefined, { raw: 'plain', headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].message).toMatch(/JPEG, PNG or WebP/);
    const unsupported = await client.put('/api/account/profile/photo?consent=true', undefined, { raw: original, headers: { 'content-type': 'application/pdf' } });
    expect(unsupported.status).toBe(415);
    expect(unsupported.headers.get('content-type')).toContain('application/problem+json');

    const stored = await client.put('/api/account/profile/photo?consent=true', undefined, { raw: original, headers: { 'content-type': 'image/jpeg' } });
    expect(stored.status).toBe(200);
    expect(stored.body.hasPhoto).toBe(true);
    const photo = await fetch(`${t.url}/api/members/${member.handle}/photo`, { headers: { cookie: `lp_session=${client.cookie('lp_session')}` } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/webp');
    const bytes = Buffer.from(await photo.arrayBuffer());
    expect(bytes.includes(Buffer.from('Geheime Fotograaf'))).toBe(false);
    const metadata = await sharp(bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.width).toBe(512);

    // Members-only by default: anonymous visitors do not get it.
    expect((await fetch(`${t.url}/api/members/${member.handle}/photo`)).status).toBe(404);
    await client.delete('/api/account/profile/optional/photo');
    expect((await client.get(`/api/members/${member.handle}/photo`)).status).toBe(404);
  });

  it('needs a session', async () => {
    const anonymous = t.client();
    expect((await anonymous.get('/api/account/profile')).status).toBe(401);
    expect((await anonymous.patch('/api/account/profile', { school: 'x' })).status).toBe(401);
    expect((await anonymous.put('/api/account/profile/optional', { field: 'aboutMe', consent: true, value: 'x' })).status).toBe(401);
    expect((await anonymous.delete('/api/account/profile/optional/aboutMe')).status).toBe(401);
  });
});

describe('public profile', () => {
  it('shows each field only to the viewers the member chose', async () => {
    const { member, client } = await memberWithClient(t);
    await client.patch('/api/account/profile', {
      placeOfResidence: 'Hasselt',
      school: 'Atheneum',
      professionalRole: 'teacher',
      subjects: ['frans'],
      visibility: { placeOfResidence: 'private', school: 'public', teaching: 'members' },
    });
    await client.put('/api/account/profile/optional', { field: 'website', consent: true, value: 'https://juf.example' });
    await client.patch('/api/account/profile', { visibility: { website: 'public' } });

    const anonymous = await t.client().get(`/api/members/${member.handle}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ handle: member.handle, displayName: `${member.firstName} ${member.lastName}`, memberSince: expect.any(String), school: 'Atheneum', website: 'https://juf.example' });

    const { client: colleague } = await memberWithClient(t);
    const seenByMember = await colleague.get(`/api/members/${member.handle}`);
    expect(seenByMember.body).toMatchObject({ school: 'Atheneum', professionalRole: 'teacher', subjects: ['frans'] });
    expect(seenByMember.body.placeOfResidence).toBeUndefined();
    expect(JSON.stringify(seenByMember.body)).not.toContain(member.email);

    expect((await client.get(`/api/members/${member.handle}`)).body.placeOfResidence).toBe('Hasselt');
  });

  it('is 404 for unknown or unverified members and 400 for malformed handles', async () => {
    expect((await t.client().get('/api/members/niemand-hier')).status).toBe(404);
    expect((await t.client().get('/api/members/Bad%20Handle')).status).toBe(400);
    await t.client().post('/api/auth/register', { email: 'onbevestigd@example.org', password: 'Correct-Paard-Batterij-7', firstName: 'On', lastName: 'Bevestigd' });
    expect((await t.client().get('/api/members/on-bevestigd')).status).toBe(404);
  });
});

describe('taxonomy', () => {
  it('lists the Flemish levels and subjects for everyone', async () => {
    const response = await t.client().get('/api/taxonomy');
    expect(response.status).toBe(200);
    expect(response.body.levels.find((l: { key: string }) => l.key === 'secundair')).toMatchObject({ nameNl: 'Secundair onderwijs', nameEn: 'Secondary education', parentKey: null });
    expect(response.body.subjects.find((s: { key: string }) => s.key === 'wiskunde')).toMatchObject({ nameNl: 'Wiskunde' });
  });
});
