import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DATA_EXPORT_LINK_DAYS } from '@lesplein/contracts/data-export';
import { APP_CONFIG, type AppConfig } from '../../../config/env.js';
import { randomToken, tokenHash } from '../../../core/crypto/keys.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { Mailer } from '../../../core/mail/mailer.service.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../../../core/storage/object-storage.js';
import { exportReadyMail } from './data-export-mails.js';
import { DataExportRepository } from './data-export.repository.js';
import { ExportArchive } from './export-archive.js';
import { ExportArchiveBuilder } from './export-builder.js';

export const DATA_EXPORT_JOB = 'privacy.data-export';

/** What the member sees when the job failed: general, never the internal error. */
export const EXPORT_FAILED_MESSAGE = 'The export could not be completed; it is tried again automatically a few times.';

/** Where a member's export archive is stored. */
export const exportStorageKey = (memberId: string, exportId: string) => `exports/${memberId}/${exportId}`;

/**
 * The export job (pg-boss, enqueued in the transaction that created the DataExport row): streams
 * the archive into object storage while it is written, then records it as ready with the hash of a
 * new download secret and queues the e-mail with the link, in one transaction. A failure marks the
 * export failed with a safe message and is retried by the queue.
 */
@Injectable()
export class DataExportJob implements OnModuleInit {
  private readonly logger = new Logger('DataExport');

  constructor(
    private readonly exports: DataExportRepository,
    private readonly builder: ExportArchiveBuilder,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly tx: TransactionRunner,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Exclusive: a retry that overtook a slow first run would rewrite the same archive and then, finding
    // the export already ready, delete it.
    this.jobs.define<{ exportId: string }>({ name: DATA_EXPORT_JOB, retryLimit: 3, expireInSeconds: 1800, exclusive: (data) => data.exportId, handler: (data) => this.run(data.exportId) });
  }

  async run(exportId: string): Promise<void> {
    const row = await this.exports.start(exportId);
    if (!row) return; // removed, or already finished
    const key = exportStorageKey(row.memberId, row.id);
    try {
      const built = await this.write(row.memberId, row.id, key);
      if (built === null) return;
      const token = randomToken();
      const completedAt = new Date();
      const expiresAt = new Date(completedAt.getTime() + DATA_EXPORT_LINK_DAYS * 24 * 3600 * 1000);
      const recorded = await this.tx.run(async (tx) => {
        if (!(await this.exports.markReady(tx, row.id, { storageKey: key, size: built, tokenHash: tokenHash(token), completedAt, expiresAt }))) return false;
        const recipient = await this.exports.recipient(row.memberId);
        if (recipient) {
          const url = `${this.config.publicUrl}/api/account/exports/${row.id}/download?token=${token}`;
          await this.mailer.queue(tx, exportReadyMail(recipient.email, recipient.firstName, recipient.locale, url, expiresAt));
        }
        return true;
      });
      if (!recorded) await this.storage.delete(key);
    } catch (error) {
      this.logger.error(`Data export ${row.id} failed: ${(error as Error).message}`);
      await this.exports.markFailed(row.id, EXPORT_FAILED_MESSAGE);
      throw error;
    }
  }

  /** Streams the archive to storage; its size, or null when the member is gone (nothing stored). */
  private async write(memberId: string, exportId: string, key: string): Promise<number | null> {
    const archive = new ExportArchive();
    const upload = this.storage.put(key, archive.output, { contentType: 'application/zip' });
    // A failed upload stops the writer (and vice versa), so neither waits for the other forever.
    upload.catch((error: unknown) => archive.fail(error as Error));
    let built: boolean;
    try {
      built = await this.builder.build(memberId, archive, (percent) => this.exports.setProgress(exportId, percent));
    } catch (error) {
      archive.fail(error as Error);
      await upload.catch(() => undefined);
      throw error;
    }
    if (!built) {
      archive.fail(new Error('The member no longer exists.'));
      await upload.catch(() => undefined);
      return null;
    }
    archive.end();
    return (await upload).size;
  }
}
