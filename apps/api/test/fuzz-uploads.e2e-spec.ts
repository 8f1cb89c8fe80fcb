/**
 * Property-based fuzzing (fast-check) of the routes that take a raw body instead of JSON — the
 * ones fuzz-contracts.e2e-spec.ts cannot reach: resource files (application/octet-stream, the
 * name in x-file-name), profile photos and partner logos (image/jpeg, image/png, image/webp).
 * Which routes those are is read from the OpenAPI document (a request body that is not JSON), so
 * a new upload route fails here until it is fuzzed too.
 *
 * Requests are written byte for byte on a socket: right, wrong, missing and odd content types;
 * multipart bodies (the API takes none) with a missing or mismatched boundary, no closing
 * boundary, thousands of parts, huge part headers, an empty file, traversal in the file name;
 * real files, cut short, with flipped bytes, or whose bytes contradict their declared name and
 * type; executables and markup; random bytes; empty bodies; bodies past the configured limit;
 * file names with path traversal, control and bidirectional characters, bad percent-encoding,
 * raw latin1 bytes, thousands of characters; chunked bodies, a Content-Length shorter or longer
 * than the body, a body cut off mid-stream; a huge extra header; visitors and missing CSRF tokens.
 *
 * For every answer: never 5xx, every 4xx problem+json (type, title, status), no stack trace or
 * internals. After a refused or broken upload nothing is half-saved: no file row, no object in
 * storage, no temporary file, the photo, logo, consents and logbook as they were. After an
 * accepted one the row, the stored object and a safe display name agree.
 *
 * Seeded (TEST_FUZZ_SEED) and bounded (a fixed number of runs per route); a failure names the
 * route, its seed, fast-check's path and the request.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../src/modules/taxonomy/taxonomy.service.js';
import { memberWithClient, staffMember } from './factories/members.js';
import { createResource } from './factories/resources.js';
import { executables, media, ooxml, pdfWithMetadata, zipBomb, zipOf, zipWithRawName } from './storage/upload-fixtures.js';
import { checkSeeded, FUZZ_SEED, problemWith } from './support/fuzz-checks.js';
import type { HttpClient } from './support/http-client.js';
import { freePort, registerPartner } from './support/oidc-partner.js';
import { frame, rawHttp, type Framing, type RawResponse } from './support/raw-http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Small, so that bodies past the limit stay cheap. */
const UPLOAD_LIMIT = 256 * 1024;
/** The image routes' own limit (core/images/uploaded-image.ts). */
const IMAGE_LIMIT = 5 * 1024 * 1024;
const RUNS = { files: 160, photo: 60, logo: 40 };

let t: TestApp;
beforeAll(async () => {
  // The OpenID Connect issuer is the public URL: registering a partner discovers it.
  const port = await freePort();
  t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '1000000', UPLOAD_MAX_FILE_BYTES: String(UPLOAD_LIMIT), PUBLIC_URL: `http://127.0.0.1:${port}` }, { port });
  await t.app.get(TaxonomyService).seedIfEmpty();
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------
// Files to send (built in code, deterministic)

interface Fixture {
  label: string;
  /** The extension a client would give it. */
  ext: string;
  /** The content type a client would declare. */
  type: string;
  bytes: Buffer;
  /** The route takes it when declared right (a real file of an allowed type). */
  acceptable?: boolean;
}

/** Deterministic pixels (no randomness, so a seed replays the same bytes). */
const pattern = (width: number, height: number) => sharp(Buffer.from(Array.from({ length: width * height * 3 }, (_, i) => (i * 31 + (i >> 7)) & 255)), { raw: { width, height, channels: 3 } });

/** A PNG whose header claims `width` × `height` pixels (a pixel flood); its data stays tiny. */
function pixelFlood(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(zlib.crc32(out.subarray(12, 29)), 29);
  return out;
}

let fixtures: Fixture[] = [];
let images: Fixture[] = [];

async function buildFixtures(): Promise<void> {
  const png = await pattern(64, 48).png().toBuffer();
  const jpeg = await pattern(80, 60)
    .jpeg()
    .withExif({ IFD0: { Artist: 'Geheime Fotograaf' } })
    .toBuffer();
  const webp = await pattern(40, 40).webp().toBuffer();
  const gif = await pattern(32, 32).gif().toBuffer();
  const pdf = await pdfWithMetadata();
  images = [
    { label: 'png', acceptable: true, ext: 'png', type: 'image/png', bytes: png },
    { label: 'jpeg', acceptable: true, ext: 'jpg', type: 'image/jpeg', bytes: jpeg },
    { label: 'webp', acceptable: true, ext: 'webp', type: 'image/webp', bytes: webp },
    { label: 'gif', acceptable: true, ext: 'gif', type: 'image/gif', bytes: gif },
    { label: 'pixel flood', ext: 'png', type: 'image/png', bytes: pixelFlood(png, 60_000, 60_000) },
    { label: 'pdf', acceptable: true, ext: 'pdf', type: 'application/pdf', bytes: pdf },
    { label: 'svg', ext: 'svg', type: 'image/svg+xml', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') },
  ];
  fixtures = [
    ...images,
    { label: 'text', acceptable: true, ext: 'txt', type: 'text/plain', bytes: Buffer.from('Breuken oefenen: ½ + ¼ = ¾\n') },
    { label: 'csv', acceptable: true, ext: 'csv', type: 'text/csv', bytes: Buffer.from('naam;score\n=HYPERLINK("x");10\n') },
    { label: 'markdown', acceptable: true, ext: 'md', type: 'text/markdown', bytes: Buffer.from('# Breuken\n\n- een half\n') },
    { label: 'html', ext: 'html', type: 'text/html', bytes: Buffer.from('<!doctype html><script>alert(document.cookie)</script>') },
    { label: 'shell script', ext: 'sh', type: 'text/x-sh', bytes: Buffer.from('#!/bin/sh\nrm -rf /\n') },
    { label: 'utf-16 text', ext: 'txt', type: 'text/plain', bytes: Buffer.from('\ufeffBreuken', 'utf16le') },
    { label: 'text with NUL', ext: 'txt', type: 'text/plain', bytes: Buffer.from('Breuken\u0000oefenen') },
    { label: 'docx', acceptable: true, ext: 'docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: await ooxml('docx') },
    { label: 'docm (macros)', ext: 'docm', type: 'application/vnd.ms-word.document.macroEnabled.12', bytes: await ooxml('docm') },
    { label: 'zip', acceptable: true, ext: 'zip', type: 'application/zip', bytes: await zipOf({ 'les.txt': 'Breuken' }) },
    { label: 'zip bomb', ext: 'zip', type: 'application/zip', bytes: await zipBomb(20) },
    { label: 'zip with traversal', ext: 'zip', type: 'application/zip', bytes: zipWithRawName('../../etc/cron.d/x') },
    { label: 'mp3', acceptable: true, ext: 'mp3', type: 'audio/mpeg', bytes: media.mp3() },
    { label: 'wav', acceptable: true, ext: 'wav', type: 'audio/wav', bytes: media.wav() },
    { label: 'windows executable', ext: 'exe', type: 'application/vnd.microsoft.portable-executable', bytes: executables.pe() },
    { label: 'elf executable', ext: 'txt', type: 'text/plain', bytes: executables.elf() },
  ];
}

// ---------------------------------------------------------------------------------------------
// Requests

interface UploadRequest {
  label: string;
  contentType: string | undefined;
  body: Buffer;
  /** The x-file-name header as written (latin1), or none. */
  fileName: string | undefined;
  framing: Framing;
  chunks: number[];
  actor: 'member' | 'visitor' | 'no-csrf';
  /** A header beyond what the route reads (huge, duplicated). */
  extraHeaders: Array<[string, string]>;
}

const BIDI_AND_CONTROLS = ['\u202e', '\u202d', '\u2066', '\u200f', '\u0085', '\u009b', '\u0000', '\u0007', '\n', '\r', '\t', '\u007f'];

/** Names a client might declare, before encoding. */
const nameText = fc.oneof(
  fc.constantFrom(
    '../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '/etc/shadow',
    'C:\\Users\\An\\Bureaublad\\toets.pdf',
    '....//....//x.txt',
    '.',
    '..',
    '...',
    '',
    ' ',
    '.htaccess',
    'werkblad.pdf.exe',
    'foto\u202egpj.exe',
    'rapport\u0000.pdf',
    'les\r\nSet-Cookie: x=1.txt',
    'CON.txt',
    'aux',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'naïve café.txt',
    '𝔟𝔯𝔢𝔲𝔨𝔢𝔫.txt',
    'e\u0301\u0301\u0301.txt',
  ),
  fc.tuple(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('', '.txt', '.pdf', '.png', '.exe', '.docx')).map(([base, ext]) => base + ext),
  fc
    .tuple(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...BIDI_AND_CONTROLS), fc.string({ unit: 'grapheme', maxLength: 20 }))
    .map(([a, control, b]) => `${a}${control}${b}.txt`),
  // Around the display name's length limit, with characters of several code units at the cut.
  fc.tuple(fc.integer({ min: 180, max: 3000 }), fc.constantFrom('a', 'é', '😀', '👩‍👩‍👧', '\u0301'), fc.constantFrom('.txt', '.exe', '')).map(([n, unit, ext]) => unit.repeat(n) + ext),
);

const percentEncoded = (name: string): string => {
  try {
    return encodeURIComponent(name);
  } catch {
    return name.replace(/[^\x20-\x7e]/g, '?');
  }
};

/** The header value as written: percent-encoded (as the web client does), raw latin1, broken encodings, too long. */
const fileNameHeader: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: nameText.map(percentEncoded) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A.txt', '%ZZ.pdf', '%00', '%C0%AE%C0%AE%2F', '%u202e.txt', 'a\u0001b.txt', 'a\u0000b') },
  // Past Node's 16 kB header limit.
  { weight: 1, arbitrary: fc.integer({ min: 17_000, max: 40_000 }).map((n) => 'n'.repeat(n)) },
);

const garbageContentType = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    ';',
    'application/octet-stream; charset=utf-8',
    'APPLICATION/OCTET-STREAM',
    'application/octet-stream, image/png',
    'application/octet-stream;;;boundary=x',
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'text/plain; charset=utf-16',
    'application/x-www-form-urlencoded',
    'image/*',
    'image/png; charset=binary',
    'image/gif',
    'image/svg+xml',
    'application/pdf',
    '*/*',
    'multipart/form-data',
    'multipart/mixed; boundary=x',
    'application/octet-stream\u0000',
    `application/${'x'.repeat(5000)}`,
  ),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
);

type MultipartVariant = 'well-formed' | 'no boundary parameter' | 'boundary mismatch' | 'no closing boundary' | 'many parts' | 'huge part header' | 'empty file' | 'traversal in filename';

function multipartBody(variant: MultipartVariant, fixture: Fixture, count: number, size: number): { contentType: string; body: Buffer } {
  const boundary = '----lesplein7MA4YWxkTrZu0gW';
  const part = (headers: string[], content: Buffer) => Buffer.concat([Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`), content, Buffer.from('\r\n')]);
  const file = (name: string, content: Buffer, extra: string[] = []) =>
    part([`Content-Disposition: form-data; name="file"; filename="${name}"`, `Content-Type: ${fixture.type}`, ...extra], content);
  const closing = Buffer.from(`--${boundary}--\r\n`);
  const ok = `multipart/form-data; boundary=${boundary}`;
  switch (variant) {
    case 'well-formed':
      return { contentType: ok, body: Buffer.concat([file(`les.${fixture.ext}`, fixture.bytes), closing]) };
    case 'no boundary parameter':
      return { contentType: 'multipart/form-data', body: Buffer.concat([file(`les.${fixture.ext}`, fixture.bytes), closing]) };
    case 'boundary mismatch':
      return { contentType: 'multipart/form-data; boundary=iets-anders', body: Buffer.concat([file(`les.${fixture.ext}`, fixture.bytes), closing]) };
    case 'no closing boundary':
      return { contentType: ok, body: file(`les.${fixture.ext}`, fixture.bytes) };
    case 'many parts':
      return { contentType: ok, body: Buffer.concat([...Array.from({ length: count }, (_, i) => part([`Content-Disposition: form-data; name="veld${i}"`], Buffer.from(String(i)))), file(`les.${fixture.ext}`, fixture.bytes), closing]) };
    case 'huge part header':
      return { contentType: ok, body: Buffer.concat([file(`les.${fixture.ext}`, fixture.bytes, [`X-Vulling: ${'v'.repeat(size)}`]), closing]) };
    case 'empty file':
      return { contentType: ok, body: Buffer.concat([file('', Buffer.alloc(0)), closing]) };
    case 'traversal in filename':
      return { contentType: ok, body: Buffer.concat([file('../../../../etc/passwd', fixture.bytes), closing]) };
  }
}

/** The body and the type a client declares for it. */
function bodies(pool: () => Fixture[], limit: number): fc.Arbitrary<{ label: string; contentType: string | undefined; body: Buffer; name: string }> {
  const fixture = fc.integer({ min: 0, max: 1000 }).map((i) => pool()[i % pool().length]!);
  return fc.oneof(
    { weight: 5, arbitrary: fixture.map((f) => ({ label: f.label, contentType: f.type, body: f.bytes, name: `les.${f.ext}` })) },
    // Cut short anywhere.
    { weight: 2, arbitrary: fc.tuple(fixture, fc.double({ min: 0, max: 1, noNaN: true })).map(([f, at]) => ({ label: `${f.label} cut short`, contentType: f.type, body: f.bytes.subarray(0, Math.floor(f.bytes.length * at)), name: `les.${f.ext}` })) },
    // A few bytes changed.
    {
      weight: 2,
      arbitrary: fc.tuple(fixture, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })).map(([f, flips]) => {
        const bytes = Buffer.from(f.bytes);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        return { label: `${f.label} with flipped bytes`, contentType: f.type, body: bytes, name: `les.${f.ext}` };
      }),
    },
    // The bytes of one type, the name and declared type of another.
    { weight: 3, arbitrary: fc.tuple(fixture, fixture).map(([content, claimed]) => ({ label: `${content.label} declared as ${claimed.label}`, contentType: claimed.type, body: content.bytes, name: `les.${claimed.ext}` })) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ label: 'random bytes', contentType: 'application/octet-stream', body: Buffer.from(bytes), name: 'les.bin' })) },
    { weight: 1, arbitrary: fixture.map((f) => ({ label: 'empty', contentType: f.type, body: Buffer.alloc(0), name: `les.${f.ext}` })) },
    // Past the limit (a valid file's start, then filler).
    { weight: 1, arbitrary: fc.tuple(fixture, fc.integer({ min: 1, max: 64 * 1024 })).map(([f, over]) => ({ label: 'past the limit', contentType: f.type, body: Buffer.concat([f.bytes, Buffer.alloc(limit + over - f.bytes.length, 0x61)]), name: `les.${f.ext}` })) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom<MultipartVariant>('well-formed', 'no boundary parameter', 'boundary mismatch', 'no closing boundary', 'many parts', 'huge part header', 'empty file', 'traversal in filename'), fixture, fc.integer({ min: 100, max: 3000 }), fc.integer({ min: 8_000, max: 120_000 }))
        .map(([variant, f, count, size]) => ({ label: `multipart: ${variant}`, ...multipartBody(variant, f, count, size), name: `les.${f.ext}` })),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ label: 'a JSON string', contentType: 'application/json', body: Buffer.from(JSON.stringify(text)), name: 'les.txt' })) },
  );
}

const framings = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Framing>('exact') },
  { weight: 2, arbitrary: fc.constant<Framing>('chunked') },
  { weight: 1, arbitrary: fc.constantFrom<Framing>('truncated', 'abandoned', 'short', 'unframed') },
);
const chunkSizes = fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 6 });

/**
 * Requests for one route: a share that the route should accept (a file it takes, declared
 * right, with any name), the rest anything at all.
 */
function uploadRequests(route: UploadRoute): fc.Arbitrary<UploadRequest> {
  const acceptable = fc
    .record({ index: fc.nat(), name: nameText, framing: fc.constantFrom<Framing>('exact', 'exact', 'chunked'), chunks: chunkSizes })
    .map(({ index, name, framing, chunks }): UploadRequest => {
      const candidates = route.pool().filter((f) => f.acceptable && (route === resourceFiles || route.takes.test(f.type)));
      const fixture = candidates[index % candidates.length]!;
      return { label: `${fixture.label}, well-formed`, body: fixture.bytes, contentType: route.contentTypeFor(fixture.type), fileName: percentEncoded(`${name}.${fixture.ext}`), framing, chunks, actor: 'member', extraHeaders: [] };
    });
  const anything = bodies(route.pool, route.limit).chain((body) =>
    fc.record({
      label: fc.constant(body.label),
      body: fc.constant(body.body),
      contentType: fc.oneof(
        { weight: 5, arbitrary: fc.constant(route.contentTypeFor(body.contentType)) },
        { weight: 1, arbitrary: fc.constant(body.contentType) },
        { weight: 2, arbitrary: garbageContentType },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      fileName: fc.oneof({ weight: 2, arbitrary: fc.constant(percentEncoded(body.name)) }, { weight: 3, arbitrary: fileNameHeader }),
      framing: framings,
      chunks: chunkSizes,
      actor: fc.oneof({ weight: 10, arbitrary: fc.constant('member' as const) }, { weight: 1, arbitrary: fc.constantFrom('visitor' as const, 'no-csrf' as const) }),
      extraHeaders: fc.oneof(
        { weight: 6, arbitrary: fc.constant([] as Array<[string, string]>) },
        { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((n) => [['x-vulling', 'v'.repeat(n)]] as Array<[string, string]>) },
        { weight: 1, arbitrary: fc.constant([['content-type', 'image/png'], ['x-file-name', 'tweede.txt']] as Array<[string, string]>) },
        { weight: 1, arbitrary: fc.constant([['content-encoding', 'gzip']] as Array<[string, string]>) },
      ),
    }),
  );
  return fc.oneof({ weight: 1, arbitrary: acceptable }, { weight: 3, arbitrary: anything });
}

/** The request's bytes: the head with the framing's headers, then the body framed as chosen. */
function wire(method: string, url: string, client: HttpClient | undefined, csrf: string | undefined, request: UploadRequest): Buffer {
  const headers: Array<[string, string]> = [
    ['host', new URL(t.url).host],
    ['x-forwarded-for', client?.ip ?? '10.99.0.1'],
    ['connection', 'close'],
  ];
  if (client) headers.push(['cookie', `lp_session=${client.cookie('lp_session') ?? ''}; lp_csrf=${client.cookie('lp_csrf') ?? ''}`]);
  if (csrf) headers.push(['x-csrf-token', csrf]);
  if (request.contentType !== undefined) headers.push(['content-type', request.contentType]);
  if (request.fileName !== undefined) headers.push(['x-file-name', request.fileName]);
  headers.push(...request.extraHeaders);
  return frame(method, url, headers, request.body, request.framing, request.chunks);
}

// ---------------------------------------------------------------------------------------------
// What is stored

const walk = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)])) : [];

/** Temporary files of uploads and of storage writes in progress. */
const temporaryFiles = () => [...walk(path.join(t.dataDir, 'tmp', 'uploads')), ...walk(path.join(t.dataDir, 'files', '.incoming'))];

/** Keys of the stored objects under a prefix. */
const storedKeys = (prefix: string) => walk(path.join(t.dataDir, 'files', prefix)).map((file) => path.relative(path.join(t.dataDir, 'files'), file).split(path.sep).join('/'));

const md5 = (bytes: Buffer | null) => (bytes ? createHash('md5').update(bytes).digest('hex') : null);

/** Waits until `state()` equals `expected` (cleanup of an aborted upload ends after the answer); returns the last state. */
async function settle(state: () => Promise<string>, expected: string, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let current = await state();
  while (current !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    current = await state();
  }
  return current;
}

/** What a display name may never hold: directories, control or bidirectional characters, nothing at all, more than 200 characters. */
function unsafeName(name: string): string | null {
  if (/[\\/]/.test(name)) return 'a directory separator';
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'a control character';
  if (/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name)) return 'a bidirectional control';
  if (/^\.*$/.test(name.trim())) return 'no name (dots or nothing)';
  if ([...name].length > 200) return 'more than 200 characters';
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name) || name.includes('\ufffd')) return 'a broken character';
  return null;
}

// ---------------------------------------------------------------------------------------------
// The upload routes

interface Attempt {
  client: HttpClient;
  path: string;
  /** What the route may change, as one comparable string. */
  stored(): Promise<string>;
  /** Why an accepted upload is wrong, or null. */
  accepted(response: RawResponse, body: Buffer): Promise<string | null>;
}

interface UploadRoute {
  key: string;
  method: string;
  runs: number;
  /** Content types the route takes. */
  takes: RegExp;
  /** The content type a client of this route declares for a file of this type. */
  contentTypeFor(type: string | undefined): string;
  limit: number;
  pool: () => Fixture[];
  arrange(run: number): Promise<Attempt>;
}

/** The image routes take JPEG, PNG and WebP only, whatever the declared type. */
const looksLikeJpegPngOrWebp = (bytes: Buffer) =>
  bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) ||
  bytes.subarray(0, 8).equals(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1')) ||
  (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP');

const ESSENCE = (contentType: string | undefined) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

let rotation: { client: HttpClient; memberId: string } | undefined;
/** A signed-in member, a new one every 40 uploads (per-address upload and creation limits). */
async function uploader(run: number): Promise<{ client: HttpClient; memberId: string }> {
  if (!rotation || run % 40 === 0) {
    const { member, client } = await memberWithClient(t);
    await client.csrf();
    rotation = { client, memberId: member.id };
  }
  return rotation;
}

/** Files the fuzzing uploaded successfully: in the end, the only rows there are. */
const acceptedFiles = new Set<string>();

const resourceFiles: UploadRoute = {
  key: 'POST /api/resources/{id}/files',
  method: 'POST',
  runs: RUNS.files,
  takes: /^application\/octet-stream$/,
  contentTypeFor: () => 'application/octet-stream',
  limit: UPLOAD_LIMIT,
  pool: () => fixtures,
  async arrange(run) {
    const { client } = await uploader(run);
    const resource = await createResource(client);
    const stored = async () =>
      JSON.stringify({
        rows: await t.sql('SELECT id, "storageKey", "displayName", size FROM "ResourceFile" WHERE "resourceId" = $1 ORDER BY id', [resource.id]),
        objects: storedKeys(`resources/${resource.id}`).filter((key) => !key.endsWith('-thumbnail')),
      });
    return {
      client,
      path: `/api/resources/${resource.id}/files`,
      stored,
      async accepted(response) {
        const file = JSON.parse(response.text) as { id: string; name: string; size: number };
        const rows = await t.sql<{ id: string; storageKey: string; displayName: string; size: number }>('SELECT id, "storageKey", "displayName", size FROM "ResourceFile" WHERE "resourceId" = $1', [resource.id]);
        if (rows.length !== 1 || rows[0]!.id !== file.id) return `accepted, but the resource has ${rows.length} file rows`;
        const row = rows[0]!;
        if (row.storageKey !== `resources/${resource.id}/${file.id}`) return `stored under ${row.storageKey}`;
        const object = path.join(t.dataDir, 'files', row.storageKey);
        if (!fs.existsSync(object)) return 'accepted, but no object in storage';
        if (fs.statSync(object).size !== row.size) return `the row says ${row.size} bytes, storage holds ${fs.statSync(object).size}`;
        const unsafe = unsafeName(row.displayName);
        if (unsafe) return `the display name ${JSON.stringify(row.displayName.slice(0, 80))} holds ${unsafe}`;
        if (file.name !== row.displayName) return 'the answer names the file differently from the row';
        acceptedFiles.add(file.id);
        return null;
      },
    };
  },
};

const profilePhoto: UploadRoute = {
  key: 'PUT /api/account/profile/photo',
  method: 'PUT',
  runs: RUNS.photo,
  takes: /^image\/(?:jpeg|png|webp)$/,
  contentTypeFor: (type) => (type && /^image\/(?:jpeg|png|webp)$/.test(type) ? type : 'image/png'),
  limit: IMAGE_LIMIT,
  pool: () => images,
  async arrange(run) {
    const { client, memberId } = await uploader(run);
    const stored = async () => {
      const [member] = await t.sql<{ photo: Buffer | null; photoMimeType: string | null }>('SELECT photo, "photoMimeType" FROM "Member" WHERE id = $1', [memberId]);
      const consents = await t.sql('SELECT field, granted FROM "ProfileFieldConsent" WHERE "memberId" = $1 ORDER BY at, id', [memberId]);
      return JSON.stringify({ photo: md5(member!.photo), type: member!.photoMimeType, consents });
    };
    return {
      client,
      path: `/api/account/profile/photo?consent=${run % 9 === 8 ? 'false' : 'true'}`,
      stored,
      async accepted(_response, body) {
        if (!looksLikeJpegPngOrWebp(body)) return 'accepted an image that is no JPEG, PNG or WebP';
        const [member] = await t.sql<{ photo: Buffer | null; photoMimeType: string | null }>('SELECT photo, "photoMimeType" FROM "Member" WHERE id = $1', [memberId]);
        if (member!.photoMimeType !== 'image/webp' || !member!.photo) return `accepted, but the photo is stored as ${member!.photoMimeType}`;
        const metadata = await sharp(member!.photo).metadata();
        if (metadata.format !== 'webp' || (metadata.width ?? 0) > 512 || metadata.exif) return `the stored photo is ${metadata.format} ${metadata.width}px${metadata.exif ? ' with EXIF' : ''}`;
        const [consent] = await t.sql<{ granted: boolean }>(`SELECT granted FROM "ProfileFieldConsent" WHERE "memberId" = $1 AND field = 'photo' ORDER BY at DESC LIMIT 1`, [memberId]);
        return consent?.granted ? null : 'a photo stored without a consent record';
      },
    };
  },
};

let partners: { admin: HttpClient; partnerId: string; from: number } | undefined;
const partnerLogo: UploadRoute = {
  key: 'PUT /api/admin/partners/{id}/logo',
  method: 'PUT',
  runs: RUNS.logo,
  takes: /^image\/(?:jpeg|png|webp)$/,
  contentTypeFor: (type) => (type && /^image\/(?:jpeg|png|webp)$/.test(type) ? type : 'image/png'),
  limit: IMAGE_LIMIT,
  pool: () => images,
  async arrange(run) {
    // A new admin (and address) every 30 uploads: the logo route allows 60 an hour per address.
    if (!partners || run - partners.from >= 30) {
      const admin = await staffMember(t, 'admin');
      const { partner } = await registerPartner(t, admin.client);
      await admin.client.csrf();
      partners = { admin: admin.client, partnerId: partner.id, from: run };
    }
    const { admin, partnerId } = partners;
    const stored = async () => {
      const [partner] = await t.sql<{ logo: Buffer | null; logoMimeType: string | null }>('SELECT logo, "logoMimeType" FROM "Partner" WHERE id = $1', [partnerId]);
      const [audit] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEntry" WHERE "targetId" = $1 AND action LIKE 'partner.logo%'`, [partnerId]);
      return JSON.stringify({ logo: md5(partner!.logo), type: partner!.logoMimeType, audit: audit!.n });
    };
    return {
      client: admin,
      path: `/api/admin/partners/${run % 13 === 12 ? '00000000-0000-4000-8000-000000000000' : partnerId}/logo`,
      stored,
      async accepted(_response, body) {
        if (!looksLikeJpegPngOrWebp(body)) return 'accepted an image that is no JPEG, PNG or WebP';
        const [partner] = await t.sql<{ logo: Buffer | null; logoMimeType: string | null }>('SELECT logo, "logoMimeType" FROM "Partner" WHERE id = $1', [partnerId]);
        if (partner!.logoMimeType !== 'image/webp' || !partner!.logo) return `accepted, but the logo is stored as ${partner!.logoMimeType}`;
        const metadata = await sharp(partner!.logo).metadata();
        if (metadata.format !== 'webp' || (metadata.width ?? 0) > 256 || (metadata.height ?? 0) > 256) return `the stored logo is ${metadata.format} ${metadata.width}×${metadata.height}`;
        return null;
      },
    };
  },
};

const UPLOAD_ROUTES = [resourceFiles, profilePhoto, partnerLogo];

/** Sends one generated request and says what is wrong with the outcome, or null. */
async function attempt(route: UploadRoute, run: number, request: UploadRequest): Promise<string | null> {
  // A request the client broke off may still be cleaning up after its answer (or after the connection closed).
  const leftovers = await settle(async () => JSON.stringify(temporaryFiles()), '[]');
  if (leftovers !== '[]') return `the previous request left temporary files behind: ${leftovers}`;
  const prepared = await route.arrange(run);
  const before = await prepared.stored();
  const client = request.actor === 'visitor' ? undefined : prepared.client;
  const csrf = request.actor === 'member' ? await prepared.client.csrf() : undefined;
  const bytes = wire(route.method, prepared.path, client, csrf, request);
  const cutShort = request.framing === 'truncated' || request.framing === 'abandoned';
  const response = await rawHttp(t.url, bytes, { halfClose: request.framing === 'truncated', abandon: request.framing === 'abandoned', timeoutMs: 20_000 });

  // A complete request (by its own framing) gets an answer; one cut short may be dropped.
  if (!response) {
    const mayDrop = cutShort || request.body.length > route.limit;
    if (!mayDrop) return 'the connection closed without an answer';
  } else {
    const wrong = problemWith(response.status, response.headers['content-type'] ?? '', response.text);
    if (wrong) return `${wrong}\n${response.text.slice(0, 400)}`;
    if (response.status < 300) {
      if (cutShort) return `answered ${response.status} to a body that never arrived whole`;
      if (request.actor !== 'member') return `answered ${response.status} to a ${request.actor} request`;
      // The first Content-Type header counts (the extra headers may add one).
      const declared = request.contentType ?? request.extraHeaders.find(([name]) => name === 'content-type')?.[1];
      if (!route.takes.test(ESSENCE(declared))) return `accepted a body sent as ${JSON.stringify(declared)}`;
      return prepared.accepted(response, request.body);
    }
  }
  // Refused, or no answer: nothing changed (temporary files are checked before the next request and at the end).
  const after = await settle(() => prepared.stored(), before);
  return after === before ? null : `${response ? `answered ${response.status}` : 'dropped'}, but something was stored:\n  before ${before}\n  after  ${after}`;
}

describe('raw upload bodies, fuzzed', () => {
  beforeAll(buildFixtures, 60_000);

  it('fuzzes every route that takes a body other than JSON', async () => {
    const document = (await t.client().get('/api/openapi.json')).body as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>> };
    const raw = Object.entries(document.paths).flatMap(([template, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => Object.keys(operation.requestBody?.content ?? {}).some((type) => type !== 'application/json'))
        .map(([method]) => `${method.toUpperCase()} ${template}`),
    );
    expect(raw.sort()).toEqual(UPLOAD_ROUTES.map((route) => route.key).sort());
  });

  it('never answers 5xx or leaks internals, and never half-saves a refused upload', { timeout: 240_000 }, async () => {
    console.log(`upload fuzz seed ${FUZZ_SEED} (set TEST_FUZZ_SEED to change it; each route's own seed is printed with its failure)`);
    const failures: string[] = [];
    for (const route of UPLOAD_ROUTES) {
      let run = 0;
      const failure = await checkSeeded(route.key, uploadRequests(route), route.runs, async (request) => {
        const wrong = await attempt(route, run++, request);
        if (wrong) throw new Error(`${request.label}: ${wrong}`);
      });
      if (failure) failures.push(failure);
    }
    expect(failures, failures.join('\n\n')).toEqual([]);

    // In the end: the only file rows are the accepted uploads, every stored object belongs to one
    // of them (a thumbnail to its file), and no temporary file is left.
    const rows = await t.sql<{ id: string; storageKey: string }>('SELECT id, "storageKey" FROM "ResourceFile"');
    expect(rows.map((row) => row.id).sort()).toEqual([...acceptedFiles].sort());
    const keys = new Set(rows.flatMap((row) => [row.storageKey, `${row.storageKey}-thumbnail`]));
    expect(storedKeys('resources').filter((key) => !keys.has(key))).toEqual([]);
    expect(await settle(async () => JSON.stringify(temporaryFiles()), '[]')).toBe('[]');
  });
});
