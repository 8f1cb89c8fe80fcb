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

let clients = 0;

/**
 * GET that fails unless the answer is 200 (the body is read, as a client would, and returned). Each request
 * comes from another client address (X-Forwarded-For; the API runs with TRUST_PROXY), as many
 * visitors would, so the per-address rate limits do not turn the benchmark into 429s.
 */
export async function get(url: string): Promise<string> {
  clients++;
  const address = `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
  const response = await fetch(url, { headers: { 'x-forwarded-for': address } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${response.status} for ${url}`);
  return body;
}
