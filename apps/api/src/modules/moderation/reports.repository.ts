import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';
import type { Cursor } from '../../core/pagination/cursor.js';
import type { Tx } from '../../core/database/prisma.service.js';
import type { ReportCategory, ReportStatus, ReportTarget } from '../../generated/prisma/client.js';

const memberCard = { handle: true, firstName: true, lastName: true } as const;

export interface QueueFilter {
  status: ReportStatus;
  targetType?: ReportTarget;
  category?: ReportCategory;
  assigned: 'any' | 'me' | 'none';
  sort: 'oldest' | 'newest';
  moderatorId: string;
}

/** Reports to moderators, and the look-ups that decide whether a reporter can see what they report. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findOpen(reporterId: string, targetType: ReportTarget, targetId: string) {
    return this.prisma.report.findFirst({ where: { reporterId, targetType, targetId, status: 'open' }, select: { id: true } });
  }

  create(data: { reporterId: string; targetType: ReportTarget; targetId: string; reason: string; category: ReportCategory }) {
    return this.prisma.report.create({ data, select: { id: true } });
  }

  queue(filter: QueueFilter, cursor: Cursor | undefined, take: number) {
    const newest = filter.sort === 'newest';
    const after = cursor
      ? newest
        ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] }
        : { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] }
      : {};
    return this.prisma.report.findMany({
      where: {
        status: filter.status,
        targetType: filter.targetType,
        category: filter.category,
        ...(filter.assigned === 'me' ? { assignedToId: filter.moderatorId } : filter.assigned === 'none' ? { assignedToId: null } : {}),
        ...after,
      },
      orderBy: newest ? [{ createdAt: 'desc' }, { id: 'desc' }] : [{ createdAt: 'asc' }, { id: 'asc' }],
      take,
      include: { reporter: { select: memberCard }, assignedTo: { select: memberCard } },
    });
  }

  /** The resources of these comments, by comment id. */
  async commentResources(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.comment.findMany({ where: { id: { in: ids } }, select: { id: true, resourceId: true } });
    return new Map(rows.map((row) => [row.id, row.resourceId]));
  }

  /** The handles of these members, by member id. */
  async memberHandles(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.member.findMany({ where: { id: { in: ids } }, select: { id: true, handle: true } });
    return new Map(rows.map((row) => [row.id, row.handle]));
  }

  /** The senders of these messages, by message id. */
  async messageSenders(ids: string[]): Promise<Map<string, string | null>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.message.findMany({ where: { id: { in: ids } }, select: { id: true, sender: { select: { handle: true } } } });
    return new Map(rows.map((row) => [row.id, row.sender?.handle ?? null]));
  }

  /** Sets the assignee of open reports; returns how many changed. */
  async assign(ids: string[], assignedToId: string | null): Promise<number> {
    const result = await this.prisma.report.updateMany({ where: { id: { in: ids }, status: 'open' }, data: { assignedToId } });
    return result.count;
  }

  /** Closes open reports with an outcome, optionally linked to the decision that closed them. */
  async close(tx: Tx | undefined, ids: string[], status: 'dismissed' | 'actioned', handledById: string, decisionId: string | null): Promise<number> {
    const result = await (tx ?? this.prisma).report.updateMany({
      where: { id: { in: ids }, status: 'open' },
      data: { status, handledById, handledAt: new Date(), decisionId },
    });
    return result.count;
  }

  openIdsOn(tx: Tx, targetType: ReportTarget, targetId: string) {
    return tx.report.findMany({ where: { targetType, targetId, status: 'open' }, select: { id: true } });
  }

  resourceAccess(id: string) {
    return this.prisma.resource.findUnique({ where: { id }, select: { authorId: true, state: true } });
  }

  commentAccess(id: string) {
    return this.prisma.comment.findUnique({ where: { id }, select: { deletedAt: true, resource: { select: { authorId: true, state: true } } } });
  }

  memberByHandle(handle: string) {
    return this.prisma.member.findFirst({ where: { handle, status: 'active', emailVerifiedAt: { not: null } }, select: { id: true } });
  }

  /** A message the member can read (it is in one of their conversations). */
  messageFor(id: string, memberId: string) {
    return this.prisma.message.findFirst({ where: { id, conversation: { OR: [{ memberAId: memberId }, { memberBId: memberId }] } }, select: { id: true, senderId: true } });
  }
}
