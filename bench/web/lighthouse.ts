// Lighthouse on the built web client: `npm run bench:lighthouse -- [--runs 3] [--no-build]`.
//
// Seeds resources into a fresh embedded PostgreSQL, indexes them, starts the built API serving the
// built web client (apps/web/dist) on loopback, and runs Lighthouse (npm `lighthouse` 12, the last
// major for Node 20) with Debian's Chromium (scripts/ensure-chromium.mjs finds it) on the home page,
// the search page with a query, and, as the reference measured in the same run, a minimal static
// page (one heading, no script) served on loopback. Performance category only, Lighthouse's default
// mobile settings (simulated throttling). Offline: every page is on loopback, Chromium runs with
// background networking, component updates and sync disabled, and the performance audits fetch
// nothing from the internet. Median of N runs per page. Writes docs/benchmarks.md.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findChromium } from '../../scripts/ensure-chromium.mjs';
import { build, freePort, logger, machine, ms, reindex, root, scratchDir, seedResources, startApi, startDatabase, table, today, writeSection } from '../api/stack.js';

const log = logger('bench:lighthouse');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'no-build': { type: 'boolean', default: false } }, strict: true, allowPositionals: true });
const runs = Math.max(1, Number(values.runs));

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions'];

interface Figures {
  score: number;
  lcp: number;
  fcp: number;
  tbt: number;
  cls: number;
  scriptKb: number;
}

async function audit(url: string, chromePath: string, profile: string): Promise<Figures> {
  fs.mkdirSync(profile, { recursive: true });
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: FLAGS, userDataDir: profile, logLevel: 'silent', envVars: { ...process.env, XDG_CONFIG_HOME: profile } as Record<string, string> });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const lhr = result!.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not measure ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const items = (lhr.audits['resource-summary']?.details as { items?: Array<{ resourceType: string; transferSize: number }> } | undefined)?.items ?? [];
    return {
      score: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
      lcp: numeric('largest-contentful-paint'),
      fcp: numeric('first-contentful-paint'),
      tbt: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      scriptKb: (items.find((i) => i.resourceType === 'script')?.transferSize ?? 0) / 1024,
    };
  } finally {
    await chrome.kill();
  }
}

const median = (list: number[]) => (list.length === 0 ? NaN : [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!);

async function main(): Promise<void> {
  const chromePath = findChromium();
  if (!chromePath) throw new Error("Chromium is needed: install Debian's chromium package (node scripts/ensure-chromium.mjs) or set CHROMIUM_PATH");
  const scratch = scratchDir('bench-lighthouse');
  const db = await startDatabase(path.join(scratch, 'pg'));
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  const reference = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Referentie</title></head><body><h1>Lesplein</h1><p>Een statische pagina zonder script.</p></body></html>'));
  const when = { date: today(), machine: machine() };
  const results = new Map<string, Figures[]>();
  const failures: string[] = [];
  try {
    if (!values['no-build']) await build();
    await seedResources(db.url, 1000, 'lesplein-lighthouse');
    await reindex(db.url, path.join(scratch, 'data'));
    api = await startApi(db.url, path.join(scratch, 'data'), { env: { WEB_DIST_DIR: path.join(root, 'apps/web/dist') } });
    const port = await freePort();
    await new Promise<void>((resolve) => reference.listen(port, '127.0.0.1', resolve));
    // The web client's origin must be the API's (cookies, CSP); Lighthouse opens the pages by URL.
    const pages: Array<[string, string]> = [
      ['reference: static page, no script', `http://127.0.0.1:${port}/`],
      ['home (/)', `${api.url}/`],
      ['search (/search?q=oefening)', `${api.url}/search?q=oefening`],
    ];
    for (let run = 0; run < runs; run++) {
      for (const [name, url] of pages) {
        // A run Lighthouse could not measure (its runtimeError) is reported and left out of the median.
        const figures = await audit(url, chromePath, path.join(scratch, `chrome-${run}-${results.size}`)).catch((error: unknown) => {
          failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
          log(failures.at(-1)!);
          return undefined;
        });
        results.set(name, [...(results.get(name) ?? []), ...(figures ? [figures] : [])]);
        if (figures) log(`${name}: score ${figures.score}, LCP ${ms(figures.lcp)} ms, script ${figures.scriptKb.toFixed(1)} kB`);
      }
    }
  } finally {
    reference.close();
    if (api) await api.stop();
    await db.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const rows: Array<Array<string | number>> = [['Page', 'Performance score (median)', 'LCP ms', 'LCP ÷ reference', 'FCP ms', 'TBT ms', 'CLS', 'script transferred kB']];
  const referenceLcp = median(results.get([...results.keys()][0]!)!.map((f) => f.lcp));
  for (const [name, list] of results) {
    const lcp = median(list.map((f) => f.lcp));
    rows.push([name, median(list.map((f) => f.score)), ms(lcp), (lcp / referenceLcp).toFixed(2), ms(median(list.map((f) => f.fcp))), ms(median(list.map((f) => f.tbt))), median(list.map((f) => f.cls)).toFixed(3), median(list.map((f) => f.scriptKb)).toFixed(1)]);
  }
  const file = writeSection(
    'lighthouse',
    INTRO,
    [
      `Last run: ${when.date}. ${when.machine}. Chromium from Debian, Lighthouse 12, default mobile settings (simulated slow 4G and 4× CPU slowdown), median of ${runs} runs per page${failures.length > 0 ? ` (${failures.length} run(s) Lighthouse could not measure left out: ${failures.join('; ')})` : ''}.`,
      '',
      table(rows),
    ].join('\n'),
  );
  log(`wrote ${file}`);
}

const INTRO = `## Web: Lighthouse (\`npm run bench:lighthouse -- --runs 3\`)

\`bench/web/lighthouse.ts\` starts the built API serving the built web client (generated resources,
indexed, so the search page has results) and runs Lighthouse 12 from npm with Debian's Chromium on
the home page and the search page, and, as the reference in the same run, on a static page with one
heading and no script served on loopback: its LCP is what the same Chromium and Lighthouse settings
give for the least a page can do. Performance category only, Lighthouse's default mobile settings
(simulated throttling, so the figures do not depend much on the machine's load). Offline: all pages
are on loopback, Chromium runs with background networking, component updates and sync disabled,
and the performance audits fetch nothing from the internet (the other categories are not run).`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
