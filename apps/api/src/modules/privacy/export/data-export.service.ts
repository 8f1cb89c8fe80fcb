import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DATA_EXPORTS_PER_DAY, DataExportProblemCode, type DataExport, type DataExportList } from '@lesplein/contracts/data-export';
import type { Actor } from '../../../core/auth/actor.js';
import { safeEqual, tokenHash } from '../../../core/crypto/keys.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { Conflict, DomainError, NotFound, Unauthenticated } from '../../../core/errors/domain-error.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { OBJECT_STORAGE, StorageObjectMissing, type ObjectStorage } from '../../../core/storage/object-storage.js';
import { DATA_EXPORT_JOB } from './data-export.job.js';
import { toDataExport } from './data-export.mapper.js';
import { DataExportRepository, type DataExportRow } from './data-export.repository.js';

const DAY_MS = 24 * 3600 * 1000;
/** The member's list shows this many of their most recent exports. */
const LIST_LIMIT = 20;

export interface ExportDownload {
  stream: Readable;
  fileName: string;
  size: number | null;
}

const expired = () => new DomainError(410, DataExportProblemCode.expired, 'This download link has expired. Ask for a new export.');

/**
 * The member's data exports: asking for one (one at a time, a few a day; the row and its job are
 * written in one transaction), following its progress, and downloading the archive with the
 * owner's session or the e-mailed link's secret.
 */
@Injectable()
export class DataExportService {
  constructor(
    private readonly exports: DataExportRepository,
    private readonly jobs: JobQueue,
    private readonly tx: TransactionRunner,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async request(actor: Actor, now = new Date()): Promise<DataExport> {
    const row = await this.tx.run(async (tx) => {
      await this.exports.lockMember(tx, actor.memberId);
      if (await this.exports.findActive(tx, actor.memberId)) throw Conflict('An export is already being made; wait until it is ready.', DataExportProblemCode.inProgress);
      const recent = await this.exports.createdSince(tx, actor.memberId, new Date(now.getTime() - DAY_MS));
      if (recent.length >= DATA_EXPORTS_PER_DAY) {
        const retryAfterSeconds = Math.max(1, Math.ceil((recent[recent.length - DATA_EXPORTS_PER_DAY]!.getTime() + DAY_MS - now.getTime()) / 1000));
        throw new DomainError(429, DataExportProblemCode.limitReached, `At most ${DATA_EXPORTS_PER_DAY} exports a day; try again later.`, { retryAfterSeconds });
      }
      const created = await this.exports.create(tx, actor.memberId);
      await this.jobs.enqueue(tx, DATA_EXPORT_JOB, { exportId: created.id });
      return created;
    });
    return toDataExport(row, now);
  }

  async list(actor: Actor): Promise<DataExportList> {
    const rows = await this.exports.listForMember(actor.memberId, LIST_LIMIT);
    const now = new Date();
    return { items: rows.map((row) => toDataExport(row, now)) };
  }

  async get(actor: Actor, id: string): Promise<DataExport> {
    const row = await this.exports.findForMember(actor.memberId, id);
    if (!row) throw NotFound('Export');
    return toDataExport(row);
  }

  /**
   * The archive of a ready export, for the owner's session or the link's secret (compared by its
   * SHA-256 in constant time). Another member's export or a wrong secret is a 404; an expired one
   * a 410 (after expiry the secret's hash is gone, so any link to it gets the 410).
   */
  async download(actor: Actor | undefined, id: string, token: string | undefined, now = new Date()): Promise<ExportDownload> {
    if (!actor && !token) throw Unauthenticated();
    const row = await this.exports.findById(id);
    if (!row || !this.mayDownload(row, actor, token)) throw NotFound('Export');
    if (row.status === 'expired' || (row.expiresAt !== null && row.expiresAt <= now)) throw expired();
    if (row.status !== 'ready' || !row.storageKey) throw Conflict('This export is not ready.', DataExportProblemCode.notReady);
    let stream: Readable;
    try {
      stream = await this.storage.get(row.storageKey);
    } catch (error) {
      if (error instanceof StorageObjectMissing) throw expired();
      throw error;
    }
    return { stream, fileName: `lesplein-export-${(row.completedAt ?? row.createdAt).toISOString().slice(0, 10)}.zip`, size: row.size === null ? null : Number(row.size) };
  }

  private mayDownload(row: DataExportRow, actor: Actor | undefined, token: string | undefined): boolean {
    if (token !== undefined) {
      // An expired export no longer has the hash: its links all answer 410.
      if (row.status === 'expired') return true;
      return row.tokenHash !== null && safeEqual(tokenHash(token), row.tokenHash);
    }
    return actor !== undefined && actor.memberId === row.memberId;
  }
}
