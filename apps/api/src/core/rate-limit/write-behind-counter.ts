import type pg from 'pg';

/** What a client may still do in the current window. */
export interface CounterVerdict {
  allowed: boolean;
  /** Milliseconds until the window ends (and the budget is whole again). */
  msBeforeReset: number;
}

interface Window {
  /** Points of this window the shared table held at the last write (every process's). */
  shared: number;
  /** Points counted here and not yet written. */
  pending: number;
  /** Points counted here and being written now. */
  writing: number;
  /** When the window ends (ms since the epoch), as the shared table says once written. */
  resetAt: number;
}

/** How often counted points are written to the shared table. */
export const WRITE_BEHIND_MS = 1000;
/**
 * Beyond this many keys in memory, a write starts at once and forgets those with nothing to
 * write (they learn their shared count again at their next write): memory stays bounded under a
 * flood of client addresses, and no request pays for a pass over all of them.
 */
const MAX_KEYS = 50_000;

/**
 * A fixed-window counter per key that decides in memory and writes behind: each process counts
 * hits locally and, once a second, adds them to the shared `rate_limits` table in one statement
 * (the table and semantics of rate-limiter-flexible's RateLimiterPostgres, so both kinds of rule
 * live side by side), learning from the answer what the other processes counted. In one process
 * the budget is exact; across processes a client can exceed it by what the others counted in the
 * last second. For the global per-address budget, which every request spends: it no longer costs
 * a database write per request. Tight rules (log-in, password reset) stay exact (RateLimitService).
 */
export class WriteBehindCounter {
  private readonly windows = new Map<string, Window>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly keyPrefix: string,
    private readonly points: number,
    private readonly durationMs: number,
  ) {}

  /** Counts one hit for `key` and says whether it is within the budget. */
  hit(key: string): CounterVerdict {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { shared: 0, pending: window?.pending ?? 0, writing: window?.writing ?? 0, resetAt: now + this.durationMs };
      this.windows.set(key, window);
    }
    window.pending += 1;
    this.schedule();
    return { allowed: window.shared + window.writing + window.pending <= this.points, msBeforeReset: window.resetAt - now };
  }

  /** Writes what is pending (joins a write under way rather than starting a second). */
  flush(): Promise<void> {
    this.writing ??= this.write().finally(() => {
      this.writing = null;
    });
    return this.writing;
  }

  /** Stops the timer and writes what is pending (at shutdown). */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.writing?.catch(() => undefined);
    await this.flush();
  }

  private schedule(): void {
    if (this.windows.size > MAX_KEYS && !this.writing) void this.flush().catch(() => undefined);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().catch(() => undefined);
    }, WRITE_BEHIND_MS);
    this.timer.unref();
  }

  private async write(): Promise<void> {
    const now = Date.now();
    const crowded = this.windows.size > MAX_KEYS;
    const sent = new Map<string, number>();
    for (const [key, window] of this.windows) {
      if (window.pending > 0) {
        sent.set(key, window.pending);
        window.writing += window.pending;
        window.pending = 0;
      } else if (window.writing === 0 && (crowded || window.resetAt <= now)) {
        this.windows.delete(key);
      }
    }
    if (sent.size === 0) return;
    // A fixed order, so two processes writing the same keys cannot deadlock.
    const keys = [...sent.keys()].sort();
    try {
      const { rows } = await this.pool.query<{ key: string; points: number; expire: string }>(
        `INSERT INTO rate_limits (key, points, expire)
         SELECT k, p, $3::bigint FROM unnest($1::text[], $2::int[]) AS hit(k, p) ORDER BY k
         ON CONFLICT (key) DO UPDATE SET
           points = CASE WHEN rate_limits.expire <= $4::bigint THEN EXCLUDED.points ELSE rate_limits.points + EXCLUDED.points END,
           expire = CASE WHEN rate_limits.expire <= $4::bigint THEN EXCLUDED.expire ELSE rate_limits.expire END
         RETURNING key, points, expire`,
        [keys.map((key) => `${this.keyPrefix}:${key}`), keys.map((key) => sent.get(key)!), now + this.durationMs, now],
      );
      for (const row of rows) {
        const key = row.key.slice(this.keyPrefix.length + 1);
        const window = this.windows.get(key);
        if (!window) continue;
        window.shared = row.points;
        window.writing -= sent.get(key)!;
        window.resetAt = Number(row.expire);
      }
    } catch (error) {
      // The database is away: the hits stay counted here and are written with the next ones.
      for (const [key, points] of sent) {
        const window = this.windows.get(key);
        if (!window) continue;
        window.writing -= points;
        window.pending += points;
      }
      throw error;
    }
  }
}
