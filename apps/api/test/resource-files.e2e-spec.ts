import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient } from './factories/members.js';
import { createResource, uploadFile } from './factories/resources.js';
import { waitUntil } from './support/processes.js';
import { zipBomb, zipWithEntries } from './storage/upload-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ UPLOAD_MAX_FILE_BYTES: String(2 * 1024 * 1024), UPLOAD_QUOTA_BYTES: String(3 * 1024 * 1024) });
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

const jpegWithGps = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 20, g: 140, b: 200 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Geheime Fotograaf' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 3/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '3/1 43/1 0/1' } })
    .toBuffer();

async function pdfWithAuthor(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Werkblad breuken');
  pdf.setAuthor('Geheime Auteur');
  pdf.setCreator('Geheime Maker');
  pdf.addPage([595, 842]).drawText('Breuken oefenen', { x: 50, y: 780 });
  return Buffer.from(await pdf.save());
}

/** Files stored for one resource plus any temporary upload files. */
function storedFiles(resourceId: string): string[] {
  const root = path.join(t.dataDir, 'files');
  const temp = path.join(t.dataDir, 'tmp', 'uploads');
  const walk = (dir: string): string[] =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)])) : [];
  return [...walk(path.join(root, 'resources', resourceId)), ...walk(temp), ...walk(path.join(root, '.incoming'))].filter((file) => !path.basename(file).startsWith('.'));
}

describe('uploading files', () => {
  it('strips GPS and author data from a JPEG and serves it safely', async () => {
    const { client } = await memberWithClient(t);
    const resource = await createResource(client, { type: 'image' });
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const uploaded = await uploadFile(client, resource.id, 'Klasfoto zomer.jpg', original);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ name: 'Klasfoto zomer.jpg', mimeType: 'image/jpeg', previewKind: 'image' });

    const download = await client.get(`/api/resources/${resource.id}/files/${uploaded.body.id}/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Klasfoto zomer.jpg"`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
    const bytes = Buffer.from(await (await fetch(`${t.url}${uploaded.body.downloadUrl}`, { headers: { cookie: `lp_session=${client.cookie('lp_session')}` } })).arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('Geheime Fotograaf'))).toBe(false);
    expect(metadata.width).toBe(640);

    const [row] = await t.sql<{ storageKey: string }>('SELECT "storageKey" FROM "ResourceFile" WHERE id = $1', [uploaded.body.id]);
    expect(row!.storageKey).toBe(`resources/${resource.id}/${uploaded.body.id}`);

    await waitUntil(async () => (await client.get(`/api/resources/${resource.id}`)).body.files[0].hasThumbnail, 15_000, 'the thumbnail job');
    const thumbnail = await fetch(`${t.url}/api/resources/${resource.id}/files/${uploaded.body.id}/thumbnail`, { headers: { cookie: `lp_session=${client.cookie('lp_session')}` } });
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    const preview = await client.get(`/api/resources/${resource.id}/files/${uploaded.body.id}/preview`);
    expect(preview.headers.get('content-disposition')).toMatch(/^inline/);
  });

  it('strips the Author field from a PDF and encodes non-ASCII file names (RFC 6266)', async () => {
    const { client } = await memberWithClient(t);
    const resource = await createResource(client);
    const original = await pdfWithAuthor();
    expect((await PDFDocument.load(original, { updateMetadata: false })).getAuthor()).toBe('Geheime Auteur');
    const uploaded = await uploadFile(client, resource.id, 'Oefenblad één.pdf', original);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.mimeType).toBe('application/pdf');
    const response = await fetch(`${t.url}${uploaded.body.downloadUrl}`, { headers: { cookie: `lp_session=${client.cookie('lp_session')}` } });
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Oefenblad ??n.pdf"; filename*=UTF-8''Oefenblad%20%C3%A9%C3%A9n.pdf`);
    const pdf = await PDFDocument.load(Buffer.from(await response.arrayBuffer()), { updateMetadata: false });
    expect(pdf.getAuthor() ?? '').toBe('');
    expect(pdf.getCreator() ?? '').not.toContain('Geheime');
  });

  it('refuses wrong, spoofed, empty and corrupt files with a code and keeps nothing', async () => {
    const { member, client } = await memberWithClient(t);
    const resource = await createResource(client);
    const before = storedFiles(resource.id).length;
    const cases: Array<[string, Buffer, number, string]> = [
      ['setup.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 1)]), 415, 'file_type_refused'],
      ['rapport.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 1)]), 415, 'file_type_refused'],
      ['foto.jpg', await pdfWithAuthor(), 400, 'file_type_mismatch'],
      ['leeg.txt', Buffer.alloc(0), 400, 'file_empty'],
      ['kapot.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]), 400, 'file_corrupt'],
      ['tekening.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415, 'file_type_refused'],
      ['archief.zip', await zipBomb(30), 400, 'archive_refused'],
      ['veel.zip', await zipWithEntries(2100), 400, 'archive_refused'],
    ];
    for (const [name, bytes, status, code] of cases) {
      const response = await uploadFile(client, resource.id, name, bytes);
      expect(response.status, name).toBe(status);
      expect(response.body.code, name).toBe(code);
    }
    expect(await t.sql('SELECT 1 FROM "ResourceFile" WHERE "uploaderId" = $1', [member.id])).toHaveLength(0);
    expect(storedFiles(resource.id)).toHaveLength(before);
  });

  it('takes only the raw body: text and JSON values are refused, not stored as the file (were stored: "hallo" from a JSON string)', async () => {
    const { member, client } = await memberWithClient(t);
    const resource = await createResource(client);
    const cases: Array<[string, string]> = [
      ['text/plain', 'hallo wereld'],
      ['application/json', '"hallo wereld"'],
      ['application/json', '{"bestand":"hallo"}'],
      ['application/x-www-form-urlencoded', 'bestand=hallo'],
    ];
    for (const [contentType, body] of cases) {
      const response = await client.post(`/api/resources/${resource.id}/files`, undefined, { raw: body, headers: { 'content-type': contentType, 'x-file-name': 'les.txt' } });
      expect(response.status, contentType).toBe(400);
      expect(response.headers.get('content-type'), contentType).toContain('application/problem+json');
      expect(response.body.errors[0].message, contentType).toContain('application/octet-stream');
    }
    expect(await t.sql('SELECT 1 FROM "ResourceFile" WHERE "uploaderId" = $1', [member.id])).toHaveLength(0);
    expect(storedFiles(resource.id)).toEqual([]);
  });

  it('keeps display names free of bidirectional controls and shortens long ones without losing the extension', async () => {
    const { client } = await memberWithClient(t);
    const resource = await createResource(client);
    const disguised = await uploadFile(client, resource.id, 'werkblad\u202efdp.txt', Buffer.from('Breuken'));
    expect(disguised.status).toBe(201);
    expect(disguised.body.name).toBe('werkbladfdp.txt');
    const long = await uploadFile(client, resource.id, `${'b'.repeat(300)}.txt`, Buffer.from('Breuken'));
    expect(long.status).toBe(201);
    expect(long.body.name).toBe(`${'b'.repeat(196)}.txt`);
    // Cut at 200 characters, this name used to lose its dangerous extension and pass the check.
    const executable = await uploadFile(client, resource.id, `${'c'.repeat(300)}.exe`, Buffer.from('Breuken'));
    expect(executable.status).toBe(415);
    expect(executable.body.code).toBe('file_type_refused');
  });

  it('refuses files over the size limit (413) while streaming', async () => {
    const { client } = await memberWithClient(t);
    const resource = await createResource(client);
    const before = storedFiles(resource.id).length;
    const response = await uploadFile(client, resource.id, 'groot.txt', Buffer.alloc(2 * 1024 * 1024 + 10, 'a'));
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('file_too_large');
    expect(storedFiles(resource.id)).toHaveLength(before);
  });

  it('enforces the per-member quota', async () => {
    const { client } = await memberWithClient(t);
    const resource = await createResource(client);
    expect((await uploadFile(client, resource.id, 'deel1.txt', Buffer.alloc(1_900_000, 'a'))).status).toBe(201);
    const limits = await client.get('/api/account/upload-limits');
    expect(limits.body).toMatchObject({ maxFileBytes: 2 * 1024 * 1024, quotaBytes: 3 * 1024 * 1024, usedBytes: 1_900_000 });
    const over = await uploadFile(client, resource.id, 'deel2.txt', Buffer.alloc(1_500_000, 'b'));
    expect(over.status).toBe(413);
    expect(over.body.code).toBe('quota_exceeded');
  });

  it('leaves no file or row behind when the client aborts mid-stream', async () => {
    const { member, client } = await memberWithClient(t);
    const resource = await createResource(client);
    const before = storedFiles(resource.id).length;
    const url = new URL(`${t.url}/api/resources/${resource.id}/files`);
    await new Promise<void>((resolve) => {
      const request = http.request({
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(1_000_000),
          'x-file-name': 'half.txt',
          'x-csrf-token': '',
          'x-forwarded-for': client.ip,
          cookie: `lp_session=${client.cookie('lp_session')}; lp_csrf=${client.cookie('lp_csrf')}`,
        },
      });
      request.on('error', () => resolve());
      void client.csrf().then((token) => {
        request.setHeader('x-csrf-token', token);
        request.write(Buffer.alloc(300_000, 'a'), () => setImmediate(() => request.destroy()));
      });
      request.on('close', () => resolve());
    });
    await waitUntil(() => storedFiles(resource.id).length === before, 5000, 'temporary files to be cleaned up');
    expect(await t.sql('SELECT 1 FROM "ResourceFile" WHERE "uploaderId" = $1', [member.id])).toHaveLength(0);
  });

  it('only the author uploads and removes files; removing the resource deletes its stored files', async () => {
    const { client } = await memberWithClient(t);
    const resource = await createResource(client);
    const uploaded = await uploadFile(client, resource.id, 'notities.txt', Buffer.from('Notities bij de les'));
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.mimeType).toBe('text/plain');
    const { client: other } = await memberWithClient(t);
    expect((await uploadFile(other, resource.id, 'x.txt', Buffer.from('x'))).status).toBe(404);
    expect((await other.delete(`/api/resources/${resource.id}/files/${uploaded.body.id}`)).status).toBe(404);
    expect((await uploadFile(t.client(), resource.id, 'x.txt', Buffer.from('x'))).status).toBe(401);
    expect((await other.get(`/api/resources/${resource.id}/files/${uploaded.body.id}/download`)).status).toBe(404);

    const key = path.join(t.dataDir, 'files', 'resources', resource.id, uploaded.body.id);
    expect(fs.existsSync(key)).toBe(true);
    expect((await client.delete(`/api/resources/${resource.id}`)).status).toBe(200);
    await waitUntil(() => !fs.existsSync(key), 15_000, 'the stored file to be deleted');
    expect(await t.sql('SELECT 1 FROM "ResourceFile" WHERE "resourceId" = $1', [resource.id])).toHaveLength(0);
  });

  it('keeps links and files apart', async () => {
    const { client } = await memberWithClient(t);
    const withLink = await createResource(client, { link: 'https://example.org/les' });
    expect((await uploadFile(client, withLink.id, 'a.txt', Buffer.from('a'))).status).toBe(409);
    const withFile = await createResource(client);
    await uploadFile(client, withFile.id, 'a.txt', Buffer.from('a'));
    expect((await client.patch(`/api/resources/${withFile.id}`, { link: 'https://example.org' })).status).toBe(400);
  });
});
