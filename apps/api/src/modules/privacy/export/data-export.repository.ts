import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../core/database/prisma.service.js';

export type DataExportStatusValue = 'queued' | 'running' | 'ready' | 'failed' | 'expired';

export interface DataExportRow {
  id: string;
  memberId: string;
  status: DataExportStatusValue;
  progress: number;
  storageKey: string | null;
  size: bigint | null;
  tokenHash: string | null;
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
  expiresAt: Date | null;
}

/** Who to tell that an export is ready, and in which language. */
export interface ExportRecipient {
  email: string;
  firstName: string;
  locale: string;
}

const ROW = {
  id: true,
  memberId: true,
  status: true,
  progress: true,
  storageKey: true,
  size: true,
  tokenHash: true,
  error: true,
  createdAt: true,
  completedAt: true,
  expiresAt: true,
} as const;

/** The DataExport rows: requests, the job's progress and result, and their expiry. */
@Injectable()
export class DataExportRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Serialises export requests of one member (two tabs cannot both start one). */
  async lockMember(tx: Tx, memberId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('data-export:' || ${memberId}, 0))`;
  }

  findActive(tx: Tx, memberId: string): Promise<DataExportRow | null> {
    return tx.dataExport.findFirst({ where: { memberId, status: { in: ['queued', 'running'] } }, select: ROW });
  }

  /** Creation times of the member's exports since `since`, oldest first (for the daily limit). */
  async createdSince(tx: Tx, memberId: string, since: Date): Promise<Date[]> {
    const rows = await tx.dataExport.findMany({ where: { memberId, createdAt: { gte: since } }, select: { createdAt: true }, orderBy: { createdAt: 'asc' } });
    return rows.map((row) => row.createdAt);
  }

  create(tx: Tx, memberId: string): Promise<DataExportRow> {
    return tx.dataExport.create({ data: { memberId }, select: ROW });
  }

  listForMember(memberId: string, limit: number): Promise<DataExportRow[]> {
    return this.prisma.dataExport.findMany({ where: { memberId }, select: ROW, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  }

  findForMember(memberId: string, id: string): Promise<DataExportRow | null> {
    return this.prisma.dataExport.findFirst({ where: { id, memberId }, select: ROW });
  }

  /** Any member's export by id: only for the download by token, which checks the token itself. */
  findById(id: string): Promise<DataExportRow | null> {
    return this.prisma.dataExport.findUnique({ where: { id }, select: ROW });
  }

  /** Marks the export running (a retry of a failed attempt too); null when it is gone or no longer to be built. */
  async start(id: string): Promise<DataExportRow | null> {
    const claimed = await this.prisma.dataExport.updateMany({ where: { id, status: { in: ['queued', 'running', 'failed'] } }, data: { status: 'running', progress: 0, error: null } });
    return claimed.count === 0 ? null : this.findById(id);
  }

  async setProgress(id: string, progress: number): Promise<void> {
    await this.prisma.dataExport.updateMany({ where: { id, status: 'running' }, data: { progress } });
  }

  /** Records the finished archive; false when the export was removed meanwhile. */
  async markReady(tx: Tx, id: string, result: { storageKey: string; size: number; tokenHash: string; completedAt: Date; expiresAt: Date }): Promise<boolean> {
    const updated = await tx.dataExport.updateMany({
      where: { id, status: 'running' },
      data: { status: 'ready', progress: 100, storageKey: result.storageKey, size: BigInt(result.size), tokenHash: result.tokenHash, completedAt: result.completedAt, expiresAt: result.expiresAt, error: null },
    });
    return updated.count === 1;
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.prisma.dataExport.updateMany({ where: { id, status: { in: ['queued', 'running'] } }, data: { status: 'failed', error } });
  }

  recipient(memberId: string): Promise<ExportRecipient | null> {
    return this.prisma.member.findUnique({ where: { id: memberId }, select: { email: true, firstName: true, locale: true } });
  }

  /** Ready exports whose link has expired, a batch at a time (the purge deletes their archives). */
  expiredReady(now: Date, limit: number): Promise<Array<{ id: string; storageKey: string | null }>> {
    return this.prisma.dataExport.findMany({ where: { status: 'ready', expiresAt: { lt: now } }, select: { id: true, storageKey: true }, orderBy: { expiresAt: 'asc' }, take: limit });
  }

  /** After the archive is deleted: expired, without storage key or token hash. */
  async markExpired(id: string): Promise<void> {
    await this.prisma.dataExport.updateMany({ where: { id, status: 'ready' }, data: { status: 'expired', storageKey: null, tokenHash: null } });
  }

  /** Deletes failed exports created before `before`; returns how many. */
  async deleteFailedBefore(before: Date): Promise<number> {
    return (await this.prisma.dataExport.deleteMany({ where: { status: 'failed', createdAt: { lt: before } } })).count;
  }
}
