import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import sharp from 'sharp';
import { ALLOWED_TYPES, type TypeFamily } from './allowed-types.js';
import { MAX_IMAGE_PIXELS } from './inspect-upload.js';
import { inspectZip, readZipEntry } from './zip-inspection.js';

/**
 * Removes personal metadata from an inspected upload, rewriting the file in place (a temporary
 * file beside it, then rename). What goes and what stays (ADR 0006):
 *
 * - JPEG, PNG, GIF, WebP: re-encoded in the same format by sharp after applying the EXIF
 *   orientation, which drops EXIF (camera, GPS position, dates, artist), XMP, IPTC and
 *   comments. The ICC colour profile is kept. JPEG and lossy WebP are re-encoded at quality 90.
 * - PDF: the document information dictionary keeps only Title (Author, Creator, Producer,
 *   Subject, Keywords, dates and custom keys go); the XMP `/Metadata` streams of the catalog and
 *   pages are removed, and objects nothing refers to any more (old revisions) are dropped.
 *   Encrypted PDFs are left unchanged (they cannot be rewritten without their password).
 * - OOXML (docx, xlsx, pptx): `dc:creator` and `cp:lastModifiedBy` in docProps/core.xml and
 *   `Company` and `Manager` in docProps/app.xml are blanked. The title stays.
 * - ODF (odt, ods, odp): `meta:initial-creator`, `dc:creator` and `meta:printed-by` in meta.xml
 *   are blanked.
 * - Everything else is unchanged. Not stripped: authors of comments and tracked changes in
 *   Office/ODF documents, PowerPoint comment authors, custom document properties, annotation
 *   authors in PDFs, metadata inside audio/video (ID3 tags…), legacy Office (doc/xls/ppt)
 *   summary information, EPUB metadata (the book's author is attribution, not a leak).
 */
export async function stripMetadata(path: string, mimeType: string): Promise<void> {
  const family = familyOf(mimeType);
  switch (family) {
    case 'image':
      return stripImage(path, mimeType);
    case 'pdf':
      return stripPdf(path);
    case 'ooxml':
      return rewriteZipParts(path, {
        'docProps/core.xml': ['creator', 'lastModifiedBy'],
        'docProps/app.xml': ['Company', 'Manager'],
      });
    case 'odf':
      return rewriteZipParts(path, { 'meta.xml': ['initial-creator', 'creator', 'printed-by'] });
    default:
      return;
  }
}

function familyOf(mimeType: string): TypeFamily | undefined {
  return Object.values(ALLOWED_TYPES).find((type) => type.mimeType === mimeType)?.family;
}

/** Writes the replacement to a temporary file beside `path`, then renames it over `path`. */
async function replaceFile(path: string, write: (temp: string) => Promise<void>): Promise<void> {
  const temp = `${path}.${randomUUID()}.tmp`;
  try {
    await write(temp);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Images

async function stripImage(path: string, mimeType: string): Promise<void> {
  const options = { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS } as const;
  const metadata = await sharp(path, options).metadata();
  const animated = (metadata.pages ?? 1) > 1;
  let image = sharp(path, { ...options, animated });
  if (!animated) image = image.autoOrient(); // applies and removes the EXIF orientation
  image = image.keepIccProfile();
  switch (mimeType) {
    case 'image/jpeg':
      image = image.jpeg({ quality: 90, chromaSubsampling: metadata.chromaSubsampling === '4:4:4' ? '4:4:4' : '4:2:0' });
      break;
    case 'image/png':
      image = image.png(metadata.isPalette ? { palette: true, colours: 256 } : {});
      break;
    case 'image/gif':
      image = image.gif();
      break;
    case 'image/webp':
      image = image.webp((await isLosslessWebp(path)) ? { lossless: true } : { quality: 90 });
      break;
    default:
      return;
  }
  await replaceFile(path, async (temp) => {
    await image.toFile(temp);
  });
}

/** A WebP whose image data is VP8L (lossless) rather than VP8 (lossy). */
async function isLosslessWebp(path: string): Promise<boolean> {
  const file = await fs.open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    // RIFF header (12 bytes), then chunks: fourcc, little-endian size, data padded to even.
    for (let offset = 12; offset + 8 <= bytesRead; ) {
      const fourcc = head.toString('latin1', offset, offset + 4);
      if (fourcc === 'VP8L') return true;
      if (fourcc === 'VP8 ') return false;
      const size = head.readUInt32LE(offset + 4);
      offset += 8 + size + (size % 2);
    }
    return false;
  } finally {
    await file.close();
  }
}

// ---------------------------------------------------------------------------------------------
// PDF

const KEPT_INFO_KEYS = new Set(['Title']);

async function stripPdf(path: string): Promise<void> {
  const document = await PDFDocument.load(await fs.readFile(path), { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  if (document.isEncrypted) return;
  const { context, catalog } = document;

  const info = context.trailerInfo.Info ? context.lookupMaybe(context.trailerInfo.Info, PDFDict) : undefined;
  if (info) {
    for (const key of info.keys()) {
      if (!KEPT_INFO_KEYS.has(key.decodeText())) info.delete(key);
    }
  }
  catalog.delete(PDFName.of('Metadata'));
  for (const page of document.getPages()) page.node.delete(PDFName.of('Metadata'));

  // pdf-lib writes every object it parsed, referenced or not: drop what the document no longer
  // reaches (the removed XMP streams, Info dictionaries of earlier revisions).
  const reachable = reachableRefs(context.trailerInfo as Record<string, PDFObject | undefined>, (ref) => context.lookup(ref));
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reachable.has(ref.toString())) context.delete(ref);
  }
  const bytes = await document.save({ useObjectStreams: false, updateFieldAppearances: false });
  await replaceFile(path, (temp) => fs.writeFile(temp, bytes));
}

/** Every indirect object reachable from the trailer (Root, Info, Encrypt), as `"n g R"` strings. */
function reachableRefs(trailer: Record<string, PDFObject | undefined>, lookup: (ref: PDFRef) => PDFObject | undefined): Set<string> {
  const seen = new Set<string>();
  const stack: PDFObject[] = Object.values(trailer).filter((value): value is PDFObject => value !== undefined);
  while (stack.length > 0) {
    const object = stack.pop()!;
    if (object instanceof PDFRef) {
      const id = object.toString();
      if (seen.has(id)) continue;
      seen.add(id);
      const target = lookup(object);
      if (target) stack.push(target);
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) stack.push(value);
    } else if (object instanceof PDFStream) {
      stack.push(object.dict);
    } else if (object instanceof PDFArray) {
      stack.push(...object.asArray());
    }
  }
  return seen;
}

// ---------------------------------------------------------------------------------------------
// OOXML and ODF (ZIP packages)

/** The metadata parts are small; a larger one is not one we understand, and stays as it is. */
const MAX_METADATA_PART_BYTES = 1024 * 1024;

/**
 * Blanks the named elements in the given parts. The parts are read through yauzl (bounded, size
 * checked while inflating); jszip then writes the package with every other entry copied in its
 * original compression, without inflating it, and the entry order kept (ODF needs its
 * uncompressed `mimetype` entry first).
 */
async function rewriteZipParts(path: string, parts: Record<string, string[]>): Promise<void> {
  const replacements = new Map<string, string>();
  for (const [part, elements] of Object.entries(parts)) {
    const content = await readZipEntry(path, part, MAX_METADATA_PART_BYTES).catch(() => undefined);
    if (!content) continue;
    const xml = content.toString('utf8');
    const blanked = blankElements(xml, elements);
    if (blanked !== xml) replacements.set(part, blanked);
  }
  if (replacements.size === 0) return;

  const methods = new Map((await inspectZip(path)).map((entry) => [entry.name, entry.compressionMethod]));
  const zip = await JSZip.loadAsync(await fs.readFile(path));
  for (const [name, file] of Object.entries(zip.files)) {
    file.options.compression = methods.get(name) === 0 ? 'STORE' : 'DEFLATE';
  }
  for (const [part, xml] of replacements) zip.file(part, xml, { compression: 'DEFLATE' });
  await replaceFile(path, (temp) => pipeline(zip.generateNodeStream({ type: 'nodebuffer', streamFiles: false }), createWriteStream(temp)));
}

/** `<p:name attrs>anything</p:name>` → `<p:name attrs></p:name>` for each local name, any prefix. */
export function blankElements(xml: string, localNames: string[]): string {
  return localNames.reduce((current, name) => {
    const pattern = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${name.replace(/[-.]/g, '\\$&')})(\\s[^>]*)?>[\\s\\S]*?</\\1\\s*>`, 'g');
    return current.replace(pattern, (_match, tag: string, attributes: string | undefined) => `<${tag}${attributes ?? ''}></${tag}>`);
  }, xml);
}
