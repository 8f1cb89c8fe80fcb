import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

/** The logbook table: appended under a transaction-wide lock, read in order. */
@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Serialises appends so each entry chains to the one before it. */
  async lockChain(tx: Tx): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('audit-log', 0))`;
  }

  async lastHash(tx: Tx): Promise<string | null> {
    const last = await tx.auditEntry.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
    return last?.hash ?? null;
  }

  async append(
    tx: Tx,
    data: { at: Date; actorId: string | null; actorRole: string | null; action: string; targetType: string | null; targetId: string | null; details: Record<string, unknown>; prevHash: string; hash: string },
  ): Promise<void> {
    await tx.auditEntry.create({ data: { ...data, details: data.details as Prisma.InputJsonObject } });
  }

  batchAfter(seq: bigint, take: number) {
    return this.prisma.auditEntry.findMany({ where: { seq: { gt: seq } }, orderBy: { seq: 'asc' }, take });
  }

  page(filter: AuditFilter, beforeSeq: bigint | undefined, take: number) {
    return this.prisma.auditEntry.findMany({
      where: {
        action: filter.action ? { startsWith: filter.action } : undefined,
        actorId: filter.actorId,
        targetType: filter.targetType,
        targetId: filter.targetId,
        at: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
        seq: beforeSeq !== undefined ? { lt: beforeSeq } : undefined,
      },
      orderBy: { seq: 'desc' },
      take,
    });
  }
}
