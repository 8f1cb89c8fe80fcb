import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../../../core/storage/object-storage.js';
import { DataExportRepository } from './data-export.repository.js';

export const PURGE_DATA_EXPORTS_JOB = 'privacy.purge-exports';
/** Failed exports are removed after this many days. */
export const FAILED_EXPORT_RETENTION_DAYS = 7;
const BATCH = 100;

export interface ExportPurgeResult {
  /** Ready exports whose link expired: archive deleted, marked expired. */
  expired: number;
  /** Failed exports older than 7 days, removed. */
  failedRemoved: number;
}

/**
 * Retention of data exports (hourly through the job queue, `npm run cli -- exports:purge`): the
 * archive of an export whose link has expired is deleted from storage and the row marked expired
 * without storage key or token hash; failed exports are removed after 7 days.
 */
@Injectable()
export class DataExportRetention implements OnModuleInit {
  private readonly logger = new Logger('DataExport');

  constructor(
    private readonly exports: DataExportRepository,
    private readonly jobs: JobQueue,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: PURGE_DATA_EXPORTS_JOB, cron: '23 * * * *', retryLimit: 2, expireInSeconds: 600, retention: true, handler: () => this.purge() });
  }

  async purge(now = new Date()): Promise<ExportPurgeResult> {
    let expired = 0;
    for (;;) {
      const batch = await this.exports.expiredReady(now, BATCH);
      for (const row of batch) {
        // The archive first: if deleting it fails, the row stays ready and the next run tries again.
        if (row.storageKey) await this.storage.delete(row.storageKey);
        await this.exports.markExpired(row.id);
        expired++;
      }
      if (batch.length < BATCH) break;
    }
    const failedRemoved = await this.exports.deleteFailedBefore(new Date(now.getTime() - FAILED_EXPORT_RETENTION_DAYS * 24 * 3600 * 1000));
    if (expired > 0 || failedRemoved > 0) this.logger.log(`Data exports purged: ${expired} expired, ${failedRemoved} failed removed`);
    return { expired, failedRemoved };
  }
}
