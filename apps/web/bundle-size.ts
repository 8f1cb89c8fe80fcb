/**
 * The JavaScript a browser loads before a page is interactive, from the built client's Vite
 * manifest (`dist/.vite/manifest.json`): the entry chunk, the page's lazy route chunk and
 * everything either imports statically (fetched before running), each file counted once and
 * gzipped at zlib's default level. Dynamic imports are left out: they are fetched later.
 * src/bundle-budget.spec.ts asserts the budget for each page; `npm run bundle:report` prints the sizes against
 * the 150 kB budget of the hardening issue).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const BUDGET_BYTES = 150 * 1000;
export const DIST = path.resolve(import.meta.dirname, 'dist');
const MANIFEST = path.join(DIST, '.vite', 'manifest.json');

/** The pages under budget, by the source file of their lazy route (src/app/router.tsx). */
export const PAGES = {
  home: 'src/app/routes/home.tsx',
  search: 'src/app/routes/search.tsx',
} as const;

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export function readManifest(): Manifest {
  if (!fs.existsSync(MANIFEST)) {
    throw new Error(`${path.relative(process.cwd(), MANIFEST)} is missing: build the web client first (npx turbo run build, or npm run build -w @lesplein/web).`);
  }
  return JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Manifest;
}

/** The chunks named and everything they import statically, transitively. */
export function staticClosure(manifest: Manifest, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no chunk ${key}`);
    seen.add(key);
    pending.push(...(chunk.imports ?? []));
  }
  return seen;
}

const gzipCache = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(path.join(DIST, file))).length;
    gzipCache.set(file, size);
  }
  return size;
}

export interface PageLoad {
  total: number;
  files: Array<{ file: string; gzip: number }>;
}

/** Every JavaScript file loaded before the page is interactive, biggest first. */
export function initialJavaScript(manifest: Manifest, pageSource: string): PageLoad {
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  if (entries.length !== 1) throw new Error(`Expected one entry chunk in the manifest, found ${entries.length}`);
  if (!manifest[pageSource]?.isDynamicEntry) throw new Error(`${pageSource} is not a lazily loaded route chunk in the manifest`);
  const files = [...staticClosure(manifest, [entries[0]!, pageSource])]
    .map((key) => manifest[key]!.file)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, gzip: gzipSize(file) }))
    .sort((a, b) => b.gzip - a.gzip);
  return { total: files.reduce((sum, f) => sum + f.gzip, 0), files };
}


export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** A page's load as text: the total against the budget and the biggest files. */
export function describeLoad(page: string, load: PageLoad): string {
  return [`${page}: ${kB(load.total)} gzip of JavaScript in ${load.files.length} files (budget ${kB(BUDGET_BYTES)}); biggest:`, ...load.files.slice(0, 12).map((f) => `  ${kB(f.gzip).padStart(9)}  ${f.file}`)].join('\n');
}

// `npm run bundle:report`: prints each page's start-up JavaScript; exits 1 when one is over budget.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const manifest = readManifest();
  let over = false;
  for (const [page, source] of Object.entries(PAGES)) {
    const load = initialJavaScript(manifest, source);
    console.log(describeLoad(page, load));
    over ||= load.total > BUDGET_BYTES;
  }
  process.exit(over ? 1 : 0);
}
