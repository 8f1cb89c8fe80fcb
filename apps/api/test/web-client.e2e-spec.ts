/**
 * How the API serves the built web client: the pre-compressed copies the build writes beside each
 * text file (.br, .gz) go to browsers that accept them, the plain file to others, and hashed
 * assets are cached for a year while index.html is revalidated on every load.
 *
 * Uses node:http rather than fetch, which would decode the answer and hide the encoding.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesplein-web-'));
const script = `export const greeting = ${JSON.stringify('Dag '.repeat(500))};\n`;
const page = '<!doctype html><html lang="nl"><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';

/** A stand-in for the build's output: each file with its .br and .gz copies. */
function writeWithCopies(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content));
}

beforeAll(async () => {
  writeWithCopies(path.join(webDir, 'index.html'), page);
  writeWithCopies(path.join(webDir, 'assets', 'app-Ab12Cd34.js'), script);
  fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = await startTestApp({ WEB_DIST_DIR: webDir });
});
afterAll(async () => {
  await app.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET whose body is returned as sent, without decoding. */
function rawGet(urlPath: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(urlPath, app.url), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

function decode(answer: RawAnswer): string {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(answer.body).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(answer.body).toString('utf8');
  return answer.body.toString('utf8');
}

describe('the web client', () => {
  it.each([
    ['br', 'br, gzip', 'br'],
    ['gzip', 'gzip', 'gzip'],
  ])('serves an asset pre-compressed with %s to a browser that accepts it', async (_name, acceptEncoding, expected) => {
    const answer = await rawGet('/assets/app-Ab12Cd34.js', { 'accept-encoding': acceptEncoding });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe(expected);
    expect(answer.headers['content-type']).toMatch(/^(text|application)\/javascript\b/);
    expect(answer.headers.vary?.toLowerCase()).toContain('accept-encoding');
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(script));
    expect(decode(answer)).toBe(script);
  });

  it('serves the plain file to a client that accepts no encoding', async () => {
    const answer = await rawGet('/assets/app-Ab12Cd34.js');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers.vary?.toLowerCase()).toContain('accept-encoding');
    expect(answer.body.toString('utf8')).toBe(script);
  });

  it('lets browsers cache hashed assets for a year, compressed or not', async () => {
    for (const headers of [{}, { 'accept-encoding': 'br' }] as Array<Record<string, string>>) {
      const answer = await rawGet('/assets/app-Ab12Cd34.js', headers);
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it.each(['/', '/search', '/resources/123', '/index.html'])('revalidates the page shell on every load (%s), compressed when accepted', async (url) => {
    const compressed = await rawGet(url, { 'accept-encoding': 'br' });
    expect(compressed.status).toBe(200);
    expect(compressed.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(compressed.headers['cache-control']).toBe('no-cache');
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(decode(compressed)).toBe(page);

    const plain = await rawGet(url);
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(page);
  });

  it('caches files without a hash in their name briefly and does not serve the copies by name', async () => {
    const favicon = await rawGet('/favicon.svg', { 'accept-encoding': 'br' });
    expect(favicon.status).toBe(200);
    // No copy was written for it, so the plain file is the answer.
    expect(favicon.headers['content-encoding']).toBeUndefined();
    expect(favicon.headers['cache-control']).toBe('public, max-age=3600');
    // The copies are chosen by Accept-Encoding; asked for by name, the route falls through to the page shell.
    const copy = await rawGet('/assets/app-Ab12Cd34.js.br');
    expect(copy.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('still answers API paths that do not exist with a problem, not the page shell', async () => {
    const answer = await rawGet('/api/does-not-exist', { 'accept-encoding': 'br' });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
