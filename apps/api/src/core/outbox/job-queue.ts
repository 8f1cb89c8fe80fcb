import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import { withAdvisoryLock } from '../database/advisory-lock.js';
import { isDatabaseUnavailable } from '../database/database-errors.js';
import { DATABASE_URL, type Tx } from '../database/prisma.service.js';
import { countsOf, RetentionRunsRepository } from '../retention/retention-runs.repository.js';

export interface JobDefinition<T extends object> {
  name: string;
  /** What it returns is kept only for retention jobs (counts of what was removed). */
  handler: (data: T) => Promise<unknown>;
  retryLimit?: number;
  /** Cron expression for recurring jobs (UTC). */
  cron?: string;
  /** A retention job: each run is recorded (RetentionRun) with the counts its handler returns. */
  retention?: boolean;
}

/**
 * The transactional outbox and job queue (pg-boss, tables in the `pgboss` schema).
 * `enqueue(tx, …)` writes the job inside the caller's transaction, so a side effect is
 * recorded if and only if the change that causes it commits; workers deliver with retries.
 * See docs/adr/0003-outbox-with-pg-boss.md.
 */
@Injectable()
export class JobQueue implements BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<object>>();
  private started?: Promise<void>;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly retentionRuns: RetentionRunsRepository,
  ) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: 'pgboss',
      max: 4,
      // Jobs may carry e-mail addresses and links: keep finished ones briefly.
      archiveCompletedAfterSeconds: 60,
      deleteAfterDays: 1,
      retentionDays: 7,
      maintenanceIntervalSeconds: 300,
    });
    this.boss.on('error', (error: Error & { code?: string }) => {
      // 57P01: the database is shutting down (Ctrl-C reaches the embedded PostgreSQL too).
      if (error.code === '57P01') this.logger.log('Job queue: the database is shutting down');
      else this.logger.error(`pg-boss: ${error.message}`);
    });
  }

  /** Registers a job type; its worker runs in this process when WORKER=inline. */
  define<T extends object>(definition: JobDefinition<T>): void {
    this.definitions.set(definition.name, definition as unknown as JobDefinition<object>);
  }

  /** Creates queues and, unless WORKER=off, starts the workers. Called once at boot. */
  start(): Promise<void> {
    this.started ??= this.startOnce();
    return this.started;
  }

  private async startOnce(): Promise<void> {
    await this.boss.start();
    // Processes starting together on one database (API replicas, workers) would create the same
    // queues at once, and pg-boss's queue creation then deadlocks (40P01; seen with two API
    // processes and a worker): one process at a time, the later ones finding the queues there.
    await withAdvisoryLock(this.databaseUrl, 'lesplein:job-queues', async () => {
      for (const definition of this.definitions.values()) {
        await this.boss.createQueue(definition.name, { name: definition.name, retryLimit: definition.retryLimit ?? 10, retryDelay: 5, retryBackoff: true });
        if (definition.cron) await this.boss.schedule(definition.name, definition.cron, {}, { tz: 'UTC' });
      }
    });
    if (this.config.worker === 'off') return;
    for (const definition of this.definitions.values()) {
      await this.boss.work(definition.name, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await this.deliver(definition, job.data as object);
      });
    }
  }

  /**
   * Runs a job for pg-boss's worker. pg-boss records a failure (for the retry) right after the
   * handler throws, without awaiting it: when the handler failed because the database is down, that
   * write would fail as well and the job would wait for pg-boss's expiry (15 minutes) before it is
   * retried. So such a failure is reported once the database answers again (waiting at most 60 s).
   */
  private async deliver(definition: JobDefinition<object>, data: object): Promise<void> {
    try {
      await this.execute(definition, data);
    } catch (error) {
      if (isDatabaseUnavailable(error)) await this.untilDatabaseAnswers(60_000);
      throw error;
    }
  }

  private async untilDatabaseAnswers(limitMs: number): Promise<void> {
    const deadline = Date.now() + limitMs;
    while (Date.now() < deadline) {
      if (await this.boss.getDb().executeSql('SELECT 1', []).then(() => true, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** Records a job in the caller's transaction (the outbox write). */
  async enqueue(tx: Tx, name: string, data: object): Promise<void> {
    if (!this.definitions.has(name)) throw new Error(`Unknown job ${name}`);
    await this.boss.send(name, data, {
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) },
    });
  }

  /** Runs a job type's handler now (used by the CLI and tests for scheduled maintenance). */
  async runNow(name: string): Promise<void> {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`Unknown job ${name}`);
    await this.execute(definition, {});
  }

  /** Runs a handler; a retention job's run is recorded, whether it succeeds or fails. */
  private async execute(definition: JobDefinition<object>, data: object): Promise<void> {
    if (!definition.retention) {
      await definition.handler(data);
      return;
    }
    const startedAt = new Date();
    try {
      const result = await definition.handler(data);
      await this.retentionRuns.add({ job: definition.name, startedAt, finishedAt: new Date(), outcome: 'completed', counts: countsOf(result) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.retentionRuns.add({ job: definition.name, startedAt, finishedAt: new Date(), outcome: 'failed', counts: {}, error: message.slice(0, 500) }).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Stops fetching jobs and lets running ones finish, for up to `timeoutMs` (SHUTDOWN_GRACE_SECONDS
   * by default); jobs still running then are marked failed and retried by another worker. Enqueuing
   * keeps working afterwards: it writes through the caller's transaction, not pg-boss's pool.
   */
  async stop(timeoutMs = this.config.shutdownGraceSeconds * 1000): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs }).catch(() => undefined);
  }

  /** Before the pools close (onApplicationShutdown), so running jobs can still use the database. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
