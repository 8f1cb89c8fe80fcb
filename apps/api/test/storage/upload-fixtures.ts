// Upload fixtures built in code (never binary files in the repository): images with sharp, PDFs
// with pdf-lib, Office/ODF/ZIP files with jszip, other formats from their documented headers.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

/** A temporary directory for one spec file; `file(name, bytes)` writes into it. */
export async function fixtureDir(): Promise<{ dir: string; file: (name: string, bytes: Buffer | string) => Promise<string>; remove: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lesplein-upload-'));
  let n = 0;
  return {
    dir,
    file: async (name, bytes) => {
      const target = path.join(dir, `${++n}-${name}`);
      await fs.writeFile(target, bytes);
      return target;
    },
    remove: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

/** Noise, so encoders cannot make it trivially small. */
function pixels(width: number, height: number) {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } });
}

export const PERSONAL = { artist: 'Jan Peeters', gps: '51/1 3/1 1234/100', author: 'Jan Peeters', company: 'Basisschool De Regenboog' };

/** A 300×200 JPEG with EXIF Artist, GPS position and orientation 6 (rotate 90°). */
export function jpegWithExif(): Promise<Buffer> {
  return pixels(300, 200)
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Artist: PERSONAL.artist, Copyright: PERSONAL.artist, ImageDescription: 'Klasfoto' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: PERSONAL.gps, GPSLongitudeRef: 'E', GPSLongitude: '3/1 43/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

export const png = () => pixels(64, 48).png().toBuffer();
export const gif = () => pixels(64, 48).gif().toBuffer();
export const webp = () => pixels(64, 48).webp().toBuffer();
export const losslessWebp = () => pixels(64, 48).webp({ lossless: true }).toBuffer();

/** A one-page PDF with Author, Creator, Producer, Subject, Keywords, a Title and an XMP stream naming the author. */
export async function pdfWithMetadata(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([595, 842]);
  page.drawText('Breuken oefenen', { x: 50, y: 780, size: 24, font: await document.embedFont(StandardFonts.Helvetica) });
  const info = document.context.lookup(document.context.trailerInfo.Info, PDFDict);
  const set = (key: string, value: string) => info.set(PDFName.of(key), PDFString.of(value));
  set('Title', 'Breuken oefenen');
  set('Author', PERSONAL.author);
  set('Creator', `Word for ${PERSONAL.company}`);
  set('Producer', 'Microsoft Word');
  set('Subject', 'Wiskunde');
  set('Keywords', 'breuken, Jan Peeters');
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${PERSONAL.author}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;
  const stream = document.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  document.catalog.set(PDFName.of('Metadata'), document.context.register(stream));
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

export async function zipOf(entries: Record<string, string | Buffer>, options: { storeFirst?: boolean } = {}): Promise<Buffer> {
  const zip = new JSZip();
  Object.entries(entries).forEach(([name, content], index) => {
    zip.file(name, content, { compression: options.storeFirst && index === 0 ? 'STORE' : 'DEFLATE' });
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const OOXML_MAIN = {
  docx: ['word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
  docm: ['word/document.xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'],
  xlsx: ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
  pptx: ['ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'],
} as const;

/** A minimal OOXML package with a creator, last editor, company and manager in its properties. */
export function ooxml(kind: keyof typeof OOXML_MAIN): Promise<Buffer> {
  const [main, contentType] = OOXML_MAIN[kind];
  return zipOf({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="${contentType}"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`,
    [main]: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><document>Breuken</document>',
    'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Breuken oefenen</dc:title><dc:creator>${PERSONAL.author}</dc:creator><cp:lastModifiedBy>${PERSONAL.author}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T10:00:00Z</dcterms:created></cp:coreProperties>`,
    'docProps/app.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>${PERSONAL.company}</Company><Manager>${PERSONAL.author}</Manager></Properties>`,
  });
}

const ODF_MIME = { odt: 'application/vnd.oasis.opendocument.text', ods: 'application/vnd.oasis.opendocument.spreadsheet', odp: 'application/vnd.oasis.opendocument.presentation' } as const;

/** A minimal ODF package (`mimetype` first and stored) with creators in meta.xml. */
export function odf(kind: keyof typeof ODF_MIME): Promise<Buffer> {
  return zipOf(
    {
      mimetype: ODF_MIME[kind],
      'content.xml': '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
      'meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>Breuken</dc:title><meta:initial-creator>${PERSONAL.author}</meta:initial-creator><dc:creator>${PERSONAL.author}</dc:creator><meta:printed-by>${PERSONAL.author}</meta:printed-by></office:meta></office:document-meta>`,
      'META-INF/manifest.xml': '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    },
    { storeFirst: true },
  );
}

export const epub = () =>
  zipOf({ mimetype: 'application/epub+zip', 'META-INF/container.xml': '<container/>', 'OEBPS/content.opf': '<package/>' }, { storeFirst: true });

/** One entry of `megabytes` MB of zeros: compresses about 1000:1. */
export const zipBomb = (megabytes = 20) => zipOf({ 'readme.txt': 'hallo', 'data.bin': Buffer.alloc(megabytes * 1024 * 1024) });

export const zipWithEntries = (count: number) => zipOf(Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}.txt`, `${i}`])));

/** Sets the "encrypted" flag on every entry (local and central headers) of a ZIP. */
export function markEncrypted(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50) out.writeUInt16LE(out.readUInt16LE(i + 6) | 1, i + 6);
    if (signature === 0x02014b50) out.writeUInt16LE(out.readUInt16LE(i + 8) | 1, i + 8);
  }
  return out;
}

/** A ZIP whose entry is named `name` (e.g. `../../etc/cron.d/x`), written byte by byte so no library normalises the name. */
export function zipWithRawName(name: string): Buffer {
  const fileName = Buffer.from(name);
  const data = Buffer.from('evil');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const localPart = Buffer.concat([local, fileName, data]);
  const centralPart = Buffer.concat([central, fileName]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, centralPart, end]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A minimal Compound File (512-byte sectors: header, one FAT sector, one directory sector) with
 * a root storage of the given CLSID and up to three named streams/storages, as Word 97 (a
 * `WordDocument` stream), an MSI (root CLSID 000C1084-…) or a macro document (`Macros` storage).
 */
export function compoundFile(names: { name: string; storage?: boolean }[], rootClsid = '00020906-0000-0000-c000-000000000046'): Buffer {
  const header = Buffer.alloc(512, 0);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory in sector 1
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  header.writeUInt32LE(0, 76); // FAT in sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const directory = Buffer.alloc(512, 0);
  const entry = (index: number, name: string, type: number, clsid?: string) => {
    const offset = index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, offset);
    directory.writeUInt16LE(encoded.length, offset + 64);
    directory[offset + 66] = type;
    directory.writeUInt32LE(0xffffffff, offset + 68);
    directory.writeUInt32LE(0xffffffff, offset + 72);
    directory.writeUInt32LE(index === 0 && names.length > 0 ? 1 : 0xffffffff, offset + 76);
    if (clsid) {
      const [a, b, c, d, e] = clsid.split('-') as [string, string, string, string, string];
      Buffer.concat([Buffer.from(a, 'hex').reverse(), Buffer.from(b, 'hex').reverse(), Buffer.from(c, 'hex').reverse(), Buffer.from(d + e, 'hex')]).copy(directory, offset + 80);
    }
    directory.writeUInt32LE(0xfffffffe, offset + 116);
  };
  entry(0, 'Root Entry', 5, rootClsid);
  names.slice(0, 3).forEach(({ name, storage }, i) => entry(i + 1, name, storage ? 1 : 2));
  return Buffer.concat([header, fat, directory]);
}

/** Headers of audio and video formats, as their specifications (and file-type) recognise them. */
export const media = {
  mp3: () => Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)]),
  mp3WithId3: () => Buffer.concat([Buffer.from('ID3'), Buffer.from([3, 0, 0, 0, 0, 0, 0]), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(800)]),
  wav: () => {
    const b = Buffer.alloc(44);
    b.write('RIFF', 0);
    b.writeUInt32LE(36, 4);
    b.write('WAVEfmt ', 8);
    b.writeUInt32LE(16, 16);
    b.writeUInt16LE(1, 20);
    b.writeUInt16LE(1, 22);
    b.writeUInt32LE(8000, 24);
    b.writeUInt32LE(8000, 28);
    b.writeUInt16LE(1, 32);
    b.writeUInt16LE(8, 34);
    b.write('data', 36);
    return Buffer.concat([b, Buffer.alloc(100, 128)]);
  },
  flac: () => Buffer.concat([Buffer.from('fLaC'), Buffer.from([0x80, 0, 0, 34]), Buffer.alloc(34), Buffer.alloc(64)]),
  ogg: (codec: 'vorbis' | 'opus') => {
    const page = Buffer.alloc(28);
    page.write('OggS', 0);
    page[5] = 2;
    page[26] = 1;
    page[27] = 30;
    const id = codec === 'vorbis' ? Buffer.concat([Buffer.from([1]), Buffer.from('vorbis'), Buffer.alloc(23)]) : Buffer.concat([Buffer.from('OpusHead'), Buffer.alloc(22)]);
    return Buffer.concat([page, id, Buffer.alloc(100)]);
  },
  aac: () => Buffer.concat([Buffer.from([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc]), Buffer.alloc(200)]),
  isoMedia: (brand: string) => {
    const ftyp = Buffer.alloc(24);
    ftyp.writeUInt32BE(24, 0);
    ftyp.write('ftyp', 4);
    ftyp.write(brand, 8);
    ftyp.write(brand, 16);
    ftyp.write('mp41', 20);
    return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 8]), Buffer.from('free'), Buffer.alloc(64)]);
  },
  webm: () =>
    Buffer.concat([
      Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f]),
      Buffer.from([0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08]),
      Buffer.from([0x42, 0x82, 0x84]),
      Buffer.from('webm'),
      Buffer.from([0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]),
      Buffer.alloc(64),
    ]),
};

/** Executable headers: a PE (MZ … PE\0\0), an ELF and a 64-bit Mach-O. */
export const executables = {
  pe: () => {
    const b = Buffer.alloc(512);
    b.write('MZ', 0);
    b.writeUInt32LE(0x80, 0x3c);
    b.write('PE\0\0', 0x80);
    b.writeUInt16LE(0x14c, 0x84);
    return b;
  },
  elf: () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(8), Buffer.from([2, 0, 0x3e, 0]), Buffer.alloc(200)]),
  macho: () => Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0x07, 0x00, 0x00, 0x01]), Buffer.alloc(200)]),
};
