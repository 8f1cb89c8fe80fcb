import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';
import type { Cursor } from '../../core/pagination/cursor.js';
import type { ReportTarget } from '../../generated/prisma/client.js';

/** Reports to moderators, and the look-ups that decide whether a reporter can see what they report. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findOpen(reporterId: string, targetType: ReportTarget, targetId: string) {
    return this.prisma.report.findFirst({ where: { reporterId, targetType, targetId, status: 'open' }, select: { id: true } });
  }

  create(data: { reporterId: string; targetType: ReportTarget; targetId: string; reason: string }) {
    return this.prisma.report.create({ data, select: { id: true } });
  }

  queue(cursor: Cursor | undefined, take: number) {
    return this.prisma.report.findMany({
      where: { status: 'open', ...(cursor ? { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] } : {}) },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take,
      include: { reporter: { select: { handle: true, firstName: true, lastName: true } } },
    });
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
