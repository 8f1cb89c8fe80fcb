import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import { Public } from '../auth/auth.decorators.js';
import { NoRateLimit } from '../rate-limit/rate-limit.js';
import { PG_POOL } from '../database/pg-pool.js';
import { DomainError } from '../errors/domain-error.js';
import { ProblemCode } from '@lesplein/contracts/common';

/** Liveness (the process answers) and readiness (the database answers). */
@ApiTags('health')
@NoRateLimit()
@Controller('health')
export class HealthController {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; database: 'ok' }> {
    try {
      await this.pool.query('SELECT 1');
    } catch {
      throw new DomainError(503, ProblemCode.unavailable, 'The database is not reachable.');
    }
    return { status: 'ok', database: 'ok' };
  }
}
