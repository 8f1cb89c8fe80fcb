// What the privacy benchmarks share: loading the API's built Nest classes, measuring a piece of
// work with its memory peaks, and writing a section of docs/benchmarks.md between markers.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MB = 1024 * 1024;

/**
 * A module of the API's build (apps/api/dist, compiled by tsc with decorator metadata, which
 * Nest's dependency injection needs and tsx does not emit), typed by the caller from the sources.
 */
export function loadBuilt<T>(file: string): Promise<T> {
  return import(path.join(root, 'apps/api/dist', file)) as Promise<T>;
}

// A forced collection, to tell live memory from garbage not yet collected.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

export interface Measured {
  seconds: number;
  baselineRss: number;
  peakRss: number;
  baselineHeap: number;
  peakHeap: number;
}

/**
 * Runs `work` while sampling memory every 10 ms; returns its duration and the peaks. With
 * `live`, each sample (every 100 ms) follows a forced collection, so the heap peak is live data
 * only (the collections slow the work down: such a run is not timed).
 */
export async function measured(work: () => Promise<void>, live = false): Promise<Measured> {
  gc();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const timer = setInterval(
    () => {
      if (live) gc();
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    },
    live ? 100 : 10,
  );
  const start = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - start) / 1000;
  const end = process.memoryUsage();
  return { seconds, baselineRss: baseline.rss, peakRss: Math.max(peakRss, end.rss), baselineHeap: baseline.heapUsed, peakHeap: Math.max(peakHeap, end.heapUsed) };
}

/**
 * Replaces the lines between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` in
 * docs/benchmarks.md, adding the section (its description, then the markers) when it is missing.
 */
export function writeSection(name: string, description: string, lines: string[]): string {
  const file = path.join(root, 'docs', 'benchmarks.md');
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const base = existing.includes(start) ? existing : `${existing.trimEnd()}\n\n${description}\n${start}\n${end}\n`;
  const before = base.slice(0, base.indexOf(start) + start.length);
  const after = base.slice(base.indexOf(end));
  fs.writeFileSync(file, `${before}\n${lines.join('\n')}\n${after}`);
  return file;
}
