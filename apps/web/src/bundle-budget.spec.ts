/**
 * The start-up bundle: what the browser loads before the home and search pages are interactive
 * must stay within the 150 kB gzip budget of the hardening issue (bundle-size.ts; `npm run
 * bundle:report` prints the biggest files, docs/benchmarks.md has the figures), and the start-up
 * part of the locale must hold every translation the start-up code uses.
 *
 * Reads the built client (`dist/`, written by `vite build`, which turbo runs before the tests)
 * through Vite's manifest: for each page, the entry chunk, the lazy route chunk of the page, and
 * everything either imports statically (the browser fetches those before running them), each
 * file counted once and gzipped at zlib's default level. Dynamic imports are left out: they are
 * fetched later, when something asks for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET_BYTES, describeLoad, DIST, initialJavaScript, PAGES, readManifest, staticClosure, type Manifest } from '../bundle-size';
import nl from './locales/nl.json';
import { coveredBy, STARTUP_KEYS } from './locales/startup-keys';

/**
 * Translation keys named in our own source files of the given chunks (read from their source
 * maps): string literals that start with a top-level section of the locale, such as
 * 'home.title', or a template's fixed part, such as `licences.${…}` (then the whole subtree).
 */
function keysUsedBy(manifest: Manifest, keys: Iterable<string>): Map<string, string> {
  const sections = new Set(Object.keys(nl));
  const used = new Map<string, string>();
  for (const key of keys) {
    const mapFile = path.join(DIST, `${manifest[key]!.file}.map`);
    if (!manifest[key]!.file.endsWith('.js') || !fs.existsSync(mapFile)) continue;
    const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as { sources: string[]; sourcesContent?: Array<string | null> };
    map.sources.forEach((source, index) => {
      if (source.includes('node_modules') || source.endsWith('.json')) return;
      for (const match of (map.sourcesContent?.[index] ?? '').matchAll(/['`"]([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)*)(\.\$\{)?/g)) {
        const [, name = '', template] = match;
        if (!name.includes('.') && !template) continue;
        if (sections.has(name.split('.')[0]!)) used.set(name, source.replace(/^.*?\/src\//, 'src/'));
      }
    });
  }
  return used;
}

describe('the start-up bundle', () => {
  const manifest = readManifest();

  it.each(Object.entries(PAGES))('keeps the %s page within the start-up budget', (page, source) => {
    const load = initialJavaScript(manifest, source);
    expect(load.total, describeLoad(page, load)).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('ships every translation the start-up pages use in the start-up part of the locale (src/locales/startup-keys.ts)', () => {
    const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
    const used = keysUsedBy(manifest, staticClosure(manifest, [entry, ...Object.values(PAGES)]));
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter(([key]) => !coveredBy(key, STARTUP_KEYS)).map(([key, source]) => `${key} (${source})`);
    expect(missing, 'add these keys (or a prefix) to STARTUP_KEYS').toEqual([]);
  });

  it('counts the entry, the page chunk and their static imports, but not dynamic imports', () => {
    const load = initialJavaScript(manifest, PAGES.home);
    const files = new Set(load.files.map((f) => f.file));
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry)!;
    expect(files.has(entry.file)).toBe(true);
    expect(files.has(manifest[PAGES.home]!.file)).toBe(true);
    // Another page's chunk is a dynamic import of the router, fetched only when visited.
    expect(files.has(manifest['src/app/routes/login.tsx']!.file)).toBe(false);
  });
});
