import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { PreviewKind } from '@lesplein/contracts/resource';
import { ALLOWED_TYPES, DANGEROUS_EXTENSIONS, FILE_TYPE_TO_ALLOWED, KNOWN_EXTENSIONS, type AllowedTypeId } from './allowed-types.js';
import { CfbError, hasMacros, isWindowsInstaller, legacyOfficeKind, readCfbDirectory } from './cfb.js';
import { fileCorrupt, fileEmpty, fileTooLarge, fileTypeMismatch, fileTypeRefused } from './upload-problems.js';
import { inspectZip } from './zip-inspection.js';

export interface InspectedFile {
  mimeType: string;
  /** Canonical extension of the recognised type, without a dot. */
  extension: string;
  previewKind: PreviewKind;
  size: number;
}

/** Images with more pixels than this are refused as corrupt (decompression bombs). Sharp's default. */
export const MAX_IMAGE_PIXELS = 268_402_689;

/**
 * Decides what an uploaded file is from its content, never from its name, and refuses what we
 * do not accept (allowed-types.ts): empty (400 file_empty), too large (413), executables,
 * scripts, markup and unlisted types (415 file_type_refused), a declared extension that
 * contradicts the content (400 file_type_mismatch), undecodable images and PDFs (400
 * file_corrupt), dangerous archives (400 archive_refused). Throws DomainErrors; reads the file,
 * never changes it.
 */
export async function inspectUpload(input: { path: string; declaredName: string; maxBytes: number }): Promise<InspectedFile> {
  const { size } = await fs.stat(input.path);
  if (size === 0) throw fileEmpty();
  if (size > input.maxBytes) throw fileTooLarge(input.maxBytes);

  const declared = declaredExtension(input.declaredName);
  if (declared && DANGEROUS_EXTENSIONS.has(declared)) {
    throw fileTypeRefused(`Files ending in .${declared} can run code and cannot be shared.`, `Bestanden die eindigen op .${declared} kunnen code uitvoeren en kunnen niet gedeeld worden.`);
  }

  const id = await recognise(input.path, declared);
  const type = ALLOWED_TYPES[id];
  if (declared && KNOWN_EXTENSIONS.has(declared) && !(type.accepts as readonly string[]).includes(declared)) {
    throw fileTypeMismatch(declared, type.extension);
  }
  await checkContent(input.path, id);
  return { mimeType: type.mimeType, extension: type.extension, previewKind: type.previewKind, size };
}

/** The lower-case extension of the uploader's file name; undefined when there is none. */
function declaredExtension(name: string): string | undefined {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return undefined;
  return base.slice(dot + 1).trim().toLowerCase() || undefined;
}

/** The allowed type of the content, or a 415. */
async function recognise(path: string, declared: string | undefined): Promise<AllowedTypeId> {
  const detected = await fileTypeFromFile(path);
  if (!detected) {
    if (!(await isUtf8Text(path))) throw fileTypeRefused();
    await refuseActiveText(path);
    if (declared === 'csv') return 'csv';
    if (declared === 'md' || declared === 'markdown') return 'md';
    return 'txt';
  }
  if (detected.ext === 'cfb') return legacyOffice(path);
  const id = FILE_TYPE_TO_ALLOWED[detected.ext];
  if (!id) throw fileTypeRefused();
  // GeoGebra and Scratch files are plain ZIPs; their name says which (checked in checkContent).
  if (id === 'zip' && (declared === 'ggb' || declared === 'sb3')) return declared;
  return id;
}

async function legacyOffice(path: string): Promise<AllowedTypeId> {
  let directory;
  try {
    directory = await readCfbDirectory(path);
  } catch (error) {
    if (error instanceof CfbError) throw fileCorrupt('Office');
    throw error;
  }
  if (isWindowsInstaller(directory)) throw fileTypeRefused();
  const kind = legacyOfficeKind(directory);
  if (!kind) throw fileTypeRefused();
  if (hasMacros(directory)) {
    throw fileTypeRefused(
      'Office documents with macros cannot be shared; save it without macros.',
      'Office-documenten met macro\'s kunnen niet gedeeld worden; bewaar het zonder macro\'s.',
    );
  }
  return kind;
}

/** The deeper check each family needs once the type is known. */
async function checkContent(path: string, id: AllowedTypeId): Promise<void> {
  const type = ALLOWED_TYPES[id];
  switch (type.family) {
    case 'image':
      return checkImage(path, type.extension);
    case 'pdf':
      return checkPdf(path);
    case 'rtf':
      return refuseRtfObjects(path);
    case 'ooxml':
    case 'odf':
    case 'epub':
    case 'zip': {
      const entries = await inspectZip(path);
      if (id === 'zip') return;
      if (id === 'ggb' && !entries.some((entry) => entry.name === 'geogebra.xml')) throw fileTypeMismatch('ggb', 'zip');
      if (id === 'sb3' && !entries.some((entry) => entry.name === 'project.json')) throw fileTypeMismatch('sb3', 'zip');
      return;
    }
    default:
      return; // text was checked while recognising it; audio and video by signature only
  }
}

async function checkImage(path: string, what: string): Promise<void> {
  try {
    // Decoding every pixel (into a tiny output) finds truncated and damaged images.
    await sharp(path, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS }).resize(16, 16, { fit: 'inside' }).raw().toBuffer();
  } catch {
    throw fileCorrupt(what.toUpperCase());
  }
}

async function checkPdf(path: string): Promise<void> {
  try {
    const document = await PDFDocument.load(await fs.readFile(path), { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    if (document.getPageCount() < 1) throw new Error('no pages');
  } catch {
    throw fileCorrupt('PDF');
  }
}

/**
 * Valid UTF-8 (an optional BOM allowed) without NUL bytes, read in full as a stream. Other
 * encodings (UTF-16, Latin-1 with accented letters) are not recognised as text.
 */
async function isUtf8Text(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) return false;
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * What a browser would sniff as HTML or XML (WHATWG MIME Sniffing, "scriptable" patterns),
 * SVG, and `#!` scripts: refused, as text that starts with them is active content, not notes.
 */
const ACTIVE_TEXT_START = /^(?:#!|<\?xml|<!doctype\s+html|<!--|<(?:html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg|math|object|embed|link|meta|base|form)[\s/>])/i;

async function refuseActiveText(path: string): Promise<void> {
  const head = await readHead(path, 1024);
  const text = head.toString('utf8').replace(/^\uFEFF/, '').replace(/^[\t\n\f\r ]+/, '');
  if (ACTIVE_TEXT_START.test(text)) {
    throw fileTypeRefused(
      'Web pages, SVG images and scripts cannot be shared as files; share a link or a PDF instead.',
      'Webpagina\'s, SVG-afbeeldingen en scripts kunnen niet als bestand gedeeld worden; deel een link of een pdf.',
    );
  }
}

/**
 * RTF documents can embed OLE objects (`\object`, `\objdata`), the usual carrier of RTF
 * exploits; we refuse those. Pictures (`\pict`) are fine.
 */
async function refuseRtfObjects(path: string): Promise<void> {
  let tail = '';
  for await (const chunk of createReadStream(path, { encoding: 'latin1' }) as AsyncIterable<string>) {
    const window = tail + chunk;
    if (/\\obj(?:ect|data|emb|link|autlink|sub|pub|icemb|html|ocx)(?![a-z])/.test(window)) {
      throw fileTypeRefused('RTF documents with embedded objects cannot be shared.', 'RTF-documenten met ingesloten objecten kunnen niet gedeeld worden.');
    }
    tail = window.slice(-16);
  }
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const file = await fs.open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
