import fs from 'node:fs/promises';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epub, fixtureDir, gif, jpegWithExif, losslessWebp, odf, ooxml, PERSONAL, pdfWithMetadata, png, webp } from '../../../../test/storage/upload-fixtures.js';
import { ALLOWED_TYPES } from './allowed-types.js';
import { inspectUpload } from './inspect-upload.js';
import { blankElements, stripMetadata } from './strip-metadata.js';

let fixtures: Awaited<ReturnType<typeof fixtureDir>>;
beforeAll(async () => {
  fixtures = await fixtureDir();
});
afterAll(() => fixtures.remove());

/** Writes the fixture, strips it as `mimeType`, and returns the path (now holding the result). */
async function stripped(bytes: Buffer, mimeType: string): Promise<string> {
  const path = await fixtures.file('upload', bytes);
  await stripMetadata(path, mimeType);
  return path;
}

const ascii = (bytes: Buffer) => bytes.toString('latin1');

describe('stripMetadata: images', () => {
  it('removes EXIF (artist, GPS) from a JPEG, applies its orientation and keeps it a valid JPEG', async () => {
    const original = await jpegWithExif();
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(ascii(original)).toContain(PERSONAL.artist);
    expect(before.orientation).toBe(6);

    const path = await stripped(original, 'image/jpeg');
    const bytes = await fs.readFile(path);
    const after = await sharp(bytes).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect([after.width, after.height]).toEqual([200, 300]); // rotated by 90° as the EXIF said
    expect(ascii(bytes)).not.toContain(PERSONAL.artist);
    expect(ascii(bytes)).not.toContain('Exif\0\0');
    expect(bytes.includes(Buffer.from('GPS'))).toBe(false);
    // Still what inspectUpload accepts.
    expect((await inspectUpload({ path, declaredName: 'foto.jpg', maxBytes: 10_000_000 })).mimeType).toBe('image/jpeg');
  });

  it('keeps an ICC colour profile', async () => {
    const withProfile = await sharp(await png()).withIccProfile('p3').withExif({ IFD0: { Artist: PERSONAL.artist } }).jpeg().toBuffer();
    expect((await sharp(withProfile).metadata()).hasProfile).toBe(true);
    const after = await sharp(await fs.readFile(await stripped(withProfile, 'image/jpeg'))).metadata();
    expect(after.hasProfile).toBe(true);
    expect(after.exif).toBeUndefined();
  });

  it.each([
    ['PNG', png, 'image/png', 'png'],
    ['WebP', webp, 'image/webp', 'webp'],
    ['lossless WebP', losslessWebp, 'image/webp', 'webp'],
  ] as const)('re-encodes a %s with EXIF and XMP in the same format without them', async (_label, make, mimeType, format) => {
    const original = await sharp(await make())
      .withExif({ IFD0: { Artist: PERSONAL.artist } })
      .withXmp(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>${PERSONAL.author}</dc:creator></x:xmpmeta>`)
      .toFormat(format)
      .toBuffer();
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(before.xmp).toBeDefined();
    expect(ascii(original)).toContain(PERSONAL.author);
    const path = await stripped(original, mimeType);
    const bytes = await fs.readFile(path);
    const after = await sharp(bytes).metadata();
    expect(after.format).toBe(format);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(ascii(bytes)).not.toContain(PERSONAL.author);
  });

  it('re-encodes a GIF without its comment extension', async () => {
    const plain = await gif();
    // A GIF comment extension (0x21 0xFE, sub-blocks, 0x00) naming the author, before the trailer.
    const comment = Buffer.from(`Gemaakt door ${PERSONAL.author}`);
    const original = Buffer.concat([plain.subarray(0, -1), Buffer.from([0x21, 0xfe, comment.length]), comment, Buffer.from([0x00, 0x3b])]);
    expect((await sharp(original).metadata()).format).toBe('gif');
    expect(ascii(original)).toContain(PERSONAL.author);
    const bytes = await fs.readFile(await stripped(original, 'image/gif'));
    expect((await sharp(bytes).metadata()).format).toBe('gif');
    expect(ascii(bytes)).not.toContain(PERSONAL.author);
  });

  it('keeps a lossless WebP lossless', async () => {
    const bytes = await fs.readFile(await stripped(await losslessWebp(), 'image/webp'));
    expect(bytes.includes(Buffer.from('VP8L'))).toBe(true);
    const lossy = await fs.readFile(await stripped(await webp(), 'image/webp'));
    expect(lossy.includes(Buffer.from('VP8 '))).toBe(true);
  });

  it.each([
    ['GIF', 'gif', 'image/gif'],
    ['WebP', 'webp', 'image/webp'],
  ] as const)('keeps every frame of an animated %s', async (_label, format, mimeType) => {
    const frames = await Promise.all([60, 120, 180].map((red) => sharp({ create: { width: 16, height: 16, channels: 3, background: { r: red, g: 0, b: 0 } } }).png().toBuffer()));
    const animated = await sharp(frames, { join: { animated: true } }).toFormat(format, { loop: 0, delay: [100, 100, 100] }).toBuffer();
    expect((await sharp(animated, { animated: true }).metadata()).pages).toBe(3);
    const path = await stripped(animated, mimeType);
    const after = await sharp(await fs.readFile(path), { animated: true }).metadata();
    expect([after.format, after.pages, after.width, after.pageHeight]).toEqual([format, 3, 16, 16]);
  });
});

describe('stripMetadata: PDF', () => {
  it('removes Author, Creator, Producer, Subject, Keywords and the XMP stream, keeps the title and the page', async () => {
    const original = await pdfWithMetadata();
    expect(ascii(original)).toContain(`(${PERSONAL.author})`);
    expect(ascii(original)).toContain('xmpmeta');

    const path = await stripped(original, 'application/pdf');
    const bytes = await fs.readFile(path);
    expect(ascii(bytes)).not.toContain(PERSONAL.author);
    expect(ascii(bytes)).not.toContain(PERSONAL.company);
    expect(ascii(bytes)).not.toContain('xmpmeta');
    expect(ascii(bytes)).not.toContain('/Metadata');

    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(document.getTitle()).toBe('Breuken oefenen');
    expect(document.getAuthor()).toBeUndefined();
    expect(document.getCreator()).toBeUndefined();
    expect(document.getProducer()).toBeUndefined();
    expect(document.getSubject()).toBeUndefined();
    expect(document.getKeywords()).toBeUndefined();
    expect(document.getPageCount()).toBe(1);
    expect((await inspectUpload({ path, declaredName: 'les.pdf', maxBytes: 10_000_000 })).mimeType).toBe('application/pdf');
  });

  it('also drops an author left behind in an earlier revision (incremental update)', async () => {
    const first = await pdfWithMetadata();
    // An incremental update that points the trailer at a new Info dictionary without an author;
    // the old one, still in the file, must not survive the rewrite.
    const document = await PDFDocument.load(first, { updateMetadata: false });
    const info = document.context.obj({ Title: 'Nieuw' });
    document.context.trailerInfo.Info = document.context.register(info);
    const updated = Buffer.from(await document.save({ useObjectStreams: false }));
    expect(ascii(updated)).toContain(PERSONAL.author);
    const bytes = await fs.readFile(await stripped(updated, 'application/pdf'));
    expect(ascii(bytes)).not.toContain(PERSONAL.author);
  });
});

describe('stripMetadata: Office and OpenDocument', () => {
  it.each(['docx', 'xlsx', 'pptx'] as const)('blanks creator, last editor, company and manager in a %s and keeps the title', async (kind) => {
    const path = await stripped(await ooxml(kind), ALLOWED_TYPES[kind].mimeType);
    const zip = await JSZip.loadAsync(await fs.readFile(path));
    const core = await zip.file('docProps/core.xml')!.async('string');
    const app = await zip.file('docProps/app.xml')!.async('string');
    expect(core).toContain('<dc:creator></dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy></cp:lastModifiedBy>');
    expect(core).toContain('<dc:title>Breuken oefenen</dc:title>');
    expect(app).toContain('<Company></Company>');
    expect(app).toContain('<Manager></Manager>');
    expect(app).toContain('<Application>Microsoft Office Word</Application>');
    for (const part of [core, app]) {
      expect(part).not.toContain(PERSONAL.author);
      expect(part).not.toContain(PERSONAL.company);
    }
    expect(await inspectUpload({ path, declaredName: `les.${kind}`, maxBytes: 10_000_000 })).toMatchObject({ mimeType: ALLOWED_TYPES[kind].mimeType });
  });

  it.each(['odt', 'ods', 'odp'] as const)('blanks the creators in an %s and keeps mimetype first and stored', async (kind) => {
    const path = await stripped(await odf(kind), ALLOWED_TYPES[kind].mimeType);
    const bytes = await fs.readFile(path);
    // The first local header is `mimetype`, stored (method 0), so ODF readers and file-type recognise it.
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(8)).toBe(0);
    expect(bytes.toString('latin1', 30, 30 + 'mimetype'.length)).toBe('mimetype');
    const meta = await (await JSZip.loadAsync(bytes)).file('meta.xml')!.async('string');
    expect(meta).toContain('<meta:initial-creator></meta:initial-creator>');
    expect(meta).toContain('<dc:creator></dc:creator>');
    expect(meta).toContain('<meta:printed-by></meta:printed-by>');
    expect(meta).toContain('<dc:title>Breuken</dc:title>');
    expect(meta).not.toContain(PERSONAL.author);
    expect(await inspectUpload({ path, declaredName: `les.${kind}`, maxBytes: 10_000_000 })).toMatchObject({ mimeType: ALLOWED_TYPES[kind].mimeType });
  });

  it('copies the other entries without recompressing them', async () => {
    const zip = await JSZip.loadAsync(await ooxml('docx'));
    zip.file('word/media/foto.jpg', await jpegWithExif(), { compression: 'STORE' });
    const original = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const path = await stripped(original, ALLOWED_TYPES.docx.mimeType);
    const after = await JSZip.loadAsync(await fs.readFile(path));
    const photo = after.file('word/media/foto.jpg')!;
    expect((photo as unknown as { _data: { compression: { magic: string } } })._data.compression.magic).toBe('\x00\x00'); // still stored
    expect((await photo.async('nodebuffer')).equals(await zip.file('word/media/foto.jpg')!.async('nodebuffer'))).toBe(true);
  });
});

describe('stripMetadata: other types', () => {
  it.each([
    ['text/plain', Buffer.from(`Gemaakt door ${PERSONAL.author}\n`)],
    ['application/zip', Buffer.from('not touched')],
    ['audio/mpeg', Buffer.from('ID3 tags stay')],
  ])('leaves %s unchanged', async (mimeType, bytes) => {
    expect((await fs.readFile(await stripped(bytes, mimeType))).equals(bytes)).toBe(true);
  });

  it('leaves an EPUB (author is attribution) unchanged', async () => {
    const bytes = await epub();
    expect((await fs.readFile(await stripped(bytes, 'application/epub+zip'))).equals(bytes)).toBe(true);
  });

  it('leaves no temporary files behind', async () => {
    await stripped(await jpegWithExif(), 'image/jpeg');
    await stripped(await pdfWithMetadata(), 'application/pdf');
    await stripped(await ooxml('docx'), ALLOWED_TYPES.docx.mimeType);
    expect((await fs.readdir(fixtures.dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('blankElements', () => {
  it('blanks elements by local name with any prefix and attributes, and leaves others', () => {
    expect(blankElements('<a><dc:creator x="1">Jan</dc:creator><creatorX>b</creatorX><ns0:creator>\nJan\n</ns0:creator><creator/></a>', ['creator'])).toBe(
      '<a><dc:creator x="1"></dc:creator><creatorX>b</creatorX><ns0:creator></ns0:creator><creator/></a>',
    );
    expect(blankElements('<meta:initial-creator>Jan</meta:initial-creator>', ['initial-creator'])).toBe('<meta:initial-creator></meta:initial-creator>');
  });
});
