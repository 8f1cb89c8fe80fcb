import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { NewMatchFinder } from './new-matches.js';
import { SavedSearchesRepository } from './saved-searches.repository.js';
import { storedFilters } from './search-filters.js';

export const SAVED_SEARCH_ALERTS_JOB = 'search.saved-search-alerts';
/**
 * Resources published in the last two minutes wait for the next run: a publication's
 * transaction (at most 15 s) or its indexing may not be visible yet, and the watermark must not
 * pass a resource that is still on its way.
 */
export const ALERT_LAG_MS = 2 * 60_000;
const BATCH = 100;

/**
 * Every 15 minutes: for each saved search with its alert on, the visible resources published
 * since the last check that match it; one notification per saved search and run (the newest
 * match and the count). The watermark moves in the same transaction as the notification, and
 * only if no other run moved it first, so nothing is notified twice.
 */
@Injectable()
export class SavedSearchAlertsService implements OnModuleInit {
  private readonly logger = new Logger('SavedSearchAlerts');

  constructor(
    private readonly saved: SavedSearchesRepository,
    private readonly matches: NewMatchFinder,
    private readonly notifications: NotificationsService,
    private readonly tx: TransactionRunner,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: SAVED_SEARCH_ALERTS_JOB, cron: '*/15 * * * *', retryLimit: 2, handler: async () => void (await this.run()) });
  }

  /** Returns how many saved searches were notified. */
  async run(now = new Date()): Promise<number> {
    const until = new Date(now.getTime() - ALERT_LAG_MS);
    let notified = 0;
    let afterId: string | undefined;
    for (;;) {
      const batch = await this.saved.dueForAlerts(until, BATCH, afterId);
      for (const search of batch) {
        try {
          const found = await this.matches.find(storedFilters(search.filters), { after: search.alertsCheckedUntil, until }, search.memberId);
          const sent = await this.tx.run(async (tx) => {
            if (!(await this.saved.advance(tx, search.id, search.alertsCheckedUntil, until, found.first !== null))) return false;
            if (!found.first) return false;
            await this.notifications.notify(tx, [{ recipientId: search.memberId, type: 'saved_search_match', resourceId: found.first.id, savedSearchId: search.id, matchCount: found.count }]);
            return true;
          });
          if (sent) notified++;
        } catch (error) {
          // One failing search must not hold up the others; its watermark stays, so the next run retries it.
          this.logger.error(`Alert for saved search ${search.id} failed: ${(error as Error).message}`);
        }
      }
      if (batch.length < BATCH) break;
      afterId = batch.at(-1)!.id;
    }
    return notified;
  }
}
