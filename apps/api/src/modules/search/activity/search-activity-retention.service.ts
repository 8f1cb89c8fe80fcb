import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { SearchHistoryRepository } from './search-history.repository.js';
import { SearchStatsRepository } from './search-stats.repository.js';

export const PURGE_SEARCH_ACTIVITY_JOB = 'search.purge-activity';
/** Members' search history is kept 12 months (less when they delete it). */
export const SEARCH_HISTORY_RETENTION_DAYS = 365;
/** The anonymous daily figures are kept 24 months. */
export const SEARCH_STATS_RETENTION_DAYS = 730;

/** Deletes search history and figures when their retention ends; runs daily through the job queue. */
@Injectable()
export class SearchActivityRetention implements OnModuleInit {
  constructor(
    private readonly history: SearchHistoryRepository,
    private readonly stats: SearchStatsRepository,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: PURGE_SEARCH_ACTIVITY_JOB, cron: '45 3 * * *', retryLimit: 2, retention: true, handler: () => this.purge() });
  }

  async purge(now = new Date()): Promise<{ history: number; stats: number }> {
    const day = 24 * 3600 * 1000;
    return {
      history: await this.history.purgeBefore(new Date(now.getTime() - SEARCH_HISTORY_RETENTION_DAYS * day)),
      stats: await this.stats.purgeBefore(new Date(now.getTime() - SEARCH_STATS_RETENTION_DAYS * day).toISOString().slice(0, 10)),
    };
  }
}
