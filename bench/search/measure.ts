/** Latency of HTTP requests at a fixed concurrency, in milliseconds. */
export interface Latency {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarise(samples: number[], errors = 0): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { requests: samples.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), errors };
}

/**
 * Runs `work` over the items with `concurrency` loops, after `warmUp` untimed calls, and
 * returns the latency of each timed call. A call that throws counts as an error.
 */
export async function measure<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>, warmUp = 10): Promise<Latency> {
  for (const item of items.slice(0, warmUp)) await work(item).catch(() => undefined);
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  const loop = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      const start = performance.now();
      try {
        await work(item);
        samples.push(performance.now() - start);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return summarise(samples, errors);
}

/** GET that fails unless the answer is 200 (the body is read, as a client would). */
export async function get(url: string): Promise<void> {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${response.status} for ${url}`);
}
