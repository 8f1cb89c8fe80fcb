import { RetentionRunsRepository } from './retention/retention-runs.repository.js';
import { RetentionRunsService } from './retention/retention-runs.service.js';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { AuditLog } from './audit/audit-log.js';
import { AuditRepository } from './audit/audit.repository.js';
import { CsrfGuard } from './auth/csrf.js';
import { SessionGuard } from './auth/session.guard.js';
import { SessionService } from './auth/session.service.js';
import { SessionsRepository } from './auth/sessions.repository.js';
import { Keys } from './crypto/keys.js';
import { createPool, PG_POOL } from './database/pg-pool.js';
import { DATABASE_URL, PrismaService } from './database/prisma.service.js';
import { PoolLifecycle } from './database/pool-lifecycle.js';
import { TransactionRunner } from './database/transaction-runner.js';
import { ProblemFilter } from './errors/problem.filter.js';
import { HealthController } from './health/health.controller.js';
import { DevMailbox } from './mail/dev-mailbox.js';
import { DevMailboxController } from './mail/dev-mailbox.controller.js';
import { Mailer } from './mail/mailer.service.js';
import { JobQueue } from './outbox/job-queue.js';
import { RateLimitGuard, RateLimitService } from './rate-limit/rate-limit.js';

/** Infrastructure every capability uses: database, sessions, guards, errors, jobs, mail. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CoreModule,
      controllers: [HealthController, DevMailboxController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: Keys, useValue: new Keys(config.appSecret) },
        { provide: PG_POOL, useFactory: () => createPool(databaseUrl, config.databasePool.timeoutMs) },
        PrismaService,
        TransactionRunner,
        PoolLifecycle,
        SessionsRepository,
        SessionService,
        RateLimitService,
        JobQueue,
        RetentionRunsRepository,
        RetentionRunsService,
        AuditRepository,
        AuditLog,
        DevMailbox,
        Mailer,
        // Order matters: rate limit (429), then CSRF (403), then session, roles and 2FA (401/403).
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
      exports: [APP_CONFIG, DATABASE_URL, Keys, PG_POOL, PrismaService, TransactionRunner, SessionService, SessionsRepository, RateLimitService, JobQueue, RetentionRunsRepository, AuditLog, AuditRepository, Mailer, DevMailbox],
    };
  }
}
