import { Inject, Injectable, SetMetadata, type BeforeApplicationShutdown, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import { Keys } from '../crypto/keys.js';
import { PG_POOL } from '../database/pg-pool.js';
import { RateLimited } from '../errors/domain-error.js';
import { WriteBehindCounter } from './write-behind-counter.js';

export interface RateLimitRule {
  name: string;
  points: number;
  durationSeconds: number;
}

const RATE_LIMIT = 'rate-limit:rule';
const NO_RATE_LIMIT = 'rate-limit:none';

/** Exempts probes (health checks) from rate limiting. */
export const NoRateLimit = () => SetMetadata(NO_RATE_LIMIT, true);

/** A tighter limit for one route, per client address, on top of the global one. */
export const RateLimit = (name: string, points: number, durationSeconds: number) =>
  SetMetadata(RATE_LIMIT, { name, points, durationSeconds } satisfies RateLimitRule);

/**
 * Fixed-window counters in PostgreSQL, so limits hold across API processes. Keys are keyed
 * hashes of the client address, never the address itself. Route rules (`consume`: log-in,
 * password reset, uploads…) are counted in the table on every hit (rate-limiter-flexible); the
 * global per-address budget every request spends (`consumeGlobal`) is counted in memory and
 * written behind once a second (WriteBehindCounter): exact within a process, and across processes
 * within what the others counted in the last second.
 */
@Injectable()
export class RateLimitService implements BeforeApplicationShutdown {
  private readonly limiters = new Map<string, RateLimiterPostgres>();
  private readonly global: WriteBehindCounter;

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly keys: Keys,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.global = new WriteBehindCounter(pool, 'global', config.rateLimitPerMinute, 60_000);
  }

  /** Counts one request of `subject` (a client address) against the global budget; 429 once spent. */
  consumeGlobal(subject: string): void {
    const verdict = this.global.hit(this.keys.hmac('rate-limit', subject));
    if (!verdict.allowed) throw RateLimited(Math.max(1, Math.ceil(verdict.msBeforeReset / 1000)));
  }

  /** Writes the global counts still in memory before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.global.close().catch(() => undefined);
  }

  private limiter(rule: RateLimitRule): RateLimiterPostgres {
    const id = `${rule.name}:${rule.points}:${rule.durationSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: this.pool,
        tableName: 'rate_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: rule.name,
        points: rule.points,
        duration: rule.durationSeconds,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  /** Counts one hit for `subject`; throws 429 with Retry-After once the rule's budget is spent. */
  async consume(rule: RateLimitRule, subject: string): Promise<void> {
    try {
      await this.limiter(rule).consume(this.keys.hmac('rate-limit', subject));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw RateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      throw error;
    }
  }
}

/** Global guard: the per-address budget for every request plus any route-specific rule. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(NO_RATE_LIMIT, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    this.limits.consumeGlobal(request.ip);
    const rule = this.reflector.get<RateLimitRule | undefined>(RATE_LIMIT, context.getHandler());
    if (rule) await this.limits.consume(rule, request.ip);
    return true;
  }
}
