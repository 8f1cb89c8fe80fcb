import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import { PrismaClient } from '../../generated/prisma/client.js';

export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * The Prisma client over the pg driver adapter. Only repositories use it. It disconnects in the
 * last shutdown phase, after the HTTP server has drained and the job workers have stopped
 * (JobQueue stops in beforeApplicationShutdown), so requests and jobs finishing during a graceful
 * stop still reach the database. The pool's size and its wait for a connection come from
 * DATABASE_POOL_MAX and DATABASE_POOL_TIMEOUT_MS: when every connection is busy or the database is
 * down, a query fails after that wait (503, see database-errors.ts) instead of hanging.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_URL) databaseUrl: string, @Inject(APP_CONFIG) config: AppConfig) {
    super({ adapter: new PrismaPg({ connectionString: databaseUrl, max: config.databasePool.max, connectionTimeoutMillis: config.databasePool.timeoutMs }) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}

/** A Prisma transaction client, passed from services to repositories for one unit of work. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
