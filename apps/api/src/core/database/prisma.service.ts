import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client.js';

export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * The Prisma client over the pg driver adapter. Only repositories use it. It disconnects in the
 * last shutdown phase, after the HTTP server has drained and the job workers have stopped
 * (JobQueue stops in beforeApplicationShutdown), so requests and jobs finishing during a graceful
 * stop still reach the database.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_URL) databaseUrl: string) {
    super({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5000 }) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}

/** A Prisma transaction client, passed from services to repositories for one unit of work. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
