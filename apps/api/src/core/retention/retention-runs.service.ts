import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../outbox/job-queue.js';
import { RetentionRunsRepository } from './retention-runs.repository.js';

export const PURGE_RETENTION_RUNS_JOB = 'retention.purge-runs';
/** How long the record of each run is kept. */
export const RETENTION_RUN_RECORD_DAYS = 2 * 365;

/** Keeps the record of retention runs itself within bounds (two years, daily). */
@Injectable()
export class RetentionRunsService implements OnModuleInit {
  constructor(
    private readonly runs: RetentionRunsRepository,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: PURGE_RETENTION_RUNS_JOB, cron: '55 3 * * *', retryLimit: 2, expireInSeconds: 600, retention: true, handler: () => this.purge() });
  }

  purge(now = new Date()): Promise<number> {
    return this.runs.purgeBefore(new Date(now.getTime() - RETENTION_RUN_RECORD_DAYS * 24 * 3600 * 1000));
  }
}
