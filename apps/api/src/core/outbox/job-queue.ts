import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import { AdvisoryLockTimeout, withAdvisoryLock } from '../database/advisory-lock.js';
import { isDatabaseUnavailable } from '../database/database-errors.js';
import { DATABASE_URL, type Tx } from '../database/prisma.service.js';
import { countsOf, RetentionRunsRepository } from '../retention/retention-runs.repository.js';

export interface JobDefinition<T extends object> {
  name: string;
  /** What it returns is kept only for retention jobs (counts of what was removed). */
  handler: (data: T) => Promise<unknown>;
  retryLimit?: number;
  /**
   * How long one run may take, in seconds. pg-boss 10 has no heartbeat: a run still active after
   * this is counted as failed and retried — by the worker running it (its handler is not stopped,
   * pg-boss just stops waiting for it) or, when that worker died, by the expiry check every
   * JOB_EXPIRY_CHECK_SECONDS. So it is also how soon a job whose worker was killed is retried.
   * Size it well above the longest legitimate run, and end slow calls inside the handler before it
   * (e.g. the mail transport's timeout); a job that may legitimately outlive it must be `exclusive`
   * or harmless to run twice at once. Default: 60 s, or 600 s for scheduled (cron) jobs;
   * JOB_EXPIRY_SECONDS overrides it per job type. The values and their reasons: docs/ARCHITECTURE.md.
   */
  expireInSeconds?: number;
  /**
   * Runs whose data give the same key never overlap: the handler runs under a PostgreSQL advisory
   * lock on `<name>:<key>` (on a connection of its own, so a dead worker's lock goes with its
   * connection). A run that finds the lock held waits for it — at most 90% of the expiry, then it
   * fails and is retried later — and then runs, finding the work done or resuming it. For long jobs
   * that an overdue retry must not run alongside the first attempt.
   */
  exclusive?: (data: T) => string;
  /** Cron expression for recurring jobs (UTC). */
  cron?: string;
  /** A retention job: each run is recorded (RetentionRun) with the counts its handler returns. */
  retention?: boolean;
}

/** Expiry of a job type that does not set one: event-driven jobs take seconds, scheduled ones are batches. */
export const DEFAULT_JOB_EXPIRY_SECONDS = { event: 60, scheduled: 600 } as const;

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
      // The expiry check (pg-boss's maintenance): how soon a dead worker's job is noticed.
      maintenanceIntervalSeconds: config.jobs.expiryCheckSeconds,
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

  /** A job type's expiry in seconds: JOB_EXPIRY_SECONDS, else its definition, else the default. */
  expiryOf(name: string): number {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`Unknown job ${name}`);
    return this.config.jobs.expiryOverrides[name] ?? definition.expireInSeconds ?? (definition.cron ? DEFAULT_JOB_EXPIRY_SECONDS.scheduled : DEFAULT_JOB_EXPIRY_SECONDS.event);
  }

  /** Creates queues and, unless WORKER=off, starts the workers. Called once at boot. */
  start(): Promise<void> {
    this.started ??= this.startOnce();
    return this.started;
  }

  private async startOnce(): Promise<void> {
    const unknown = Object.keys(this.config.jobs.expiryOverrides).filter((name) => !this.definitions.has(name));
    if (unknown.length > 0) throw new Error(`JOB_EXPIRY_SECONDS names unknown jobs: ${unknown.join(', ')} (known: ${[...this.definitions.keys()].sort().join(', ')})`);
    await this.boss.start();
    // Processes starting together on one database (API replicas, workers) would create the same
    // queues at once, and pg-boss's queue creation then deadlocks (40P01; seen with two API
    // processes and a worker): one process at a time, the later ones finding the queues there.
    await withAdvisoryLock(this.databaseUrl, 'lesplein:job-queues', async () => {
      for (const definition of this.definitions.values()) {
        // A job takes its queue's settings when it is written (the expiry included), so they live on
        // the queue; createQueue leaves an existing queue as it was, so updateQueue brings it up to date.
        const settings = { retryLimit: definition.retryLimit ?? 10, retryDelay: 5, retryBackoff: true, expireInSeconds: this.expiryOf(definition.name) };
        await this.boss.createQueue(definition.name, { name: definition.name, ...settings });
        await this.boss.updateQueue(definition.name, { name: definition.name, ...settings });
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
      // Within half the expiry, so the report comes before pg-boss's own timeout of the run.
      if (isDatabaseUnavailable(error)) await this.untilDatabaseAnswers(Math.min(60_000, this.expiryOf(definition.name) * 500));
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

  /**
   * Runs a job type's handler now, in this process and outside the queue (used by the CLI and tests
   * for scheduled maintenance); an `exclusive` job still waits for a run of the same key elsewhere.
   */
  async runNow(name: string, data: object = {}): Promise<void> {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`Unknown job ${name}`);
    await this.execute(definition, data);
  }

  /** Runs a handler, under its lock when exclusive; a retention job's run is recorded, whether it succeeds or fails. */
  private async execute(definition: JobDefinition<object>, data: object): Promise<void> {
    if (!definition.exclusive) return this.executeNow(definition, data);
    const key = `${definition.name}:${definition.exclusive(data)}`;
    const waitSeconds = Math.max(1, Math.floor(this.expiryOf(definition.name) * 0.9));
    try {
      await withAdvisoryLock(this.databaseUrl, key, () => this.executeNow(definition, data), { waitSeconds });
    } catch (error) {
      if (error instanceof AdvisoryLockTimeout) throw new Error(`${definition.name}: an earlier run of ${key} is still running after ${waitSeconds} s; retried later`, { cause: error });
      throw error;
    }
  }

  private async executeNow(definition: JobDefinition<object>, data: object): Promise<void> {
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
