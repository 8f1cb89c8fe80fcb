import { createHash } from 'node:crypto';
import fc from 'fast-check';

/**
 * What the fuzzing suites share: the seed, the check that an answer shows no internals, the
 * problem+json check, and a seeded fast-check run that reports how to replay a failure.
 */

/** One seed for every fuzzing suite (TEST_FUZZ_SEED to change it); each property derives its own from it. */
export const FUZZ_SEED = Number(process.env.TEST_FUZZ_SEED ?? 20_250_601);

/** What an answer may never show: stack frames, source paths, ORM or database internals. */
export const LEAK =
  /\n\s+at \S[^\n]*:\d+:\d+|node_modules\/|\/src\/(?:modules|core|app|config)\/|\.(?:ts|js|mjs):\d+:\d+|PrismaClient|Invalid `prisma|\bprisma\.\w+\.\w+\(|SQLSTATE|violates (?:check|foreign key|unique|not-null) constraint|syntax error at or near|invalid input syntax for|invalid byte sequence|ECONNREFUSED/;

/** The seed of one property (a route, an endpoint): the suite's seed mixed with its name. */
export const seedFor = (key: string): number => (FUZZ_SEED ^ createHash('sha256').update(key).digest().readInt32LE(0)) | 0;

/** Why the answer shows internals, or null. */
export function leakIn(text: string): string | null {
  const found = LEAK.exec(text);
  return found ? `the answer shows internals: ${found[0]}` : null;
}

/**
 * Why an answer of our own API is wrong, or null: a 5xx, a 4xx that is not problem+json with
 * `type`, `title` and the same `status`, or internals in the body (`head`: the request was HEAD,
 * so there is no body).
 */
export function problemWith(status: number, contentType: string, text: string, options: { head?: boolean } = {}): string | null {
  if (status >= 500) return `answered ${status}`;
  if (status >= 400) {
    if (!contentType.includes('application/problem+json')) return `answered ${status} as ${contentType || 'no content type'}`;
    // An answer to HEAD has the headers of the problem and no body.
    if (options.head) return null;
    let problem: { type?: unknown; title?: unknown; status?: unknown };
    try {
      problem = JSON.parse(text) as typeof problem;
    } catch {
      return `answered ${status} as problem+json that is not JSON`;
    }
    if (typeof problem.type !== 'string' || typeof problem.title !== 'string' || problem.status !== status) return `answered ${status} with a problem lacking type, title or status`;
  }
  return leakIn(text);
}

/**
 * Runs a property from the seed of `key` and returns null, or a failure that names the key, the
 * seed, fast-check's path and the counterexample, so it can be replayed (`fc.check` with that seed
 * and path).
 */
export async function checkSeeded<T>(key: string, arbitrary: fc.Arbitrary<T>, numRuns: number, predicate: (value: T) => Promise<void>): Promise<string | null> {
  const seed = seedFor(key);
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), { seed, numRuns, endOnFailure: true });
  if (!details.failed) return null;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return `${key} (seed ${seed}, path ${details.counterexamplePath ?? '?'}): ${error}\n  request: ${fc.stringify(details.counterexample).slice(0, 1500)}`;
}
