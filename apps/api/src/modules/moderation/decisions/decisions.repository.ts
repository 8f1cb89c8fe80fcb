import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../core/database/prisma.service.js';
import type { Cursor } from '../../../core/pagination/cursor.js';
import type { ModerationAction, ReportTarget } from '../../../generated/prisma/client.js';

const memberCard = { handle: true, firstName: true, lastName: true } as const;
const withAppeal = { appeal: true } as const;

/** Moderation decisions, appeals, and the targets they act on. */
@Injectable()
export class DecisionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(
    tx: Tx,
    data: { targetType: ReportTarget; targetId: string; action: ModerationAction; reasons: string; ground: string; suspendedUntil: Date | null; moderatorId: string; memberId: string | null },
  ) {
    return tx.moderationDecision.create({ data, include: withAppeal });
  }

  byId(id: string, tx?: Tx) {
    return (tx ?? this.prisma).moderationDecision.findUnique({ where: { id }, include: withAppeal });
  }

  forMember(memberId: string, cursor: Cursor | undefined, take: number) {
    return this.prisma.moderationDecision.findMany({
      where: { memberId, action: { notIn: ['dismiss', 'approve'] }, ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      include: withAppeal,
    });
  }

  /** Serialises work on one decision (appeal and its outcome). */
  lockDecision(tx: Tx, id: string) {
    return tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ModerationDecision" WHERE id = ${id}::uuid FOR UPDATE`;
  }

  createAppeal(tx: Tx, data: { decisionId: string; memberId: string; text: string }) {
    return tx.appeal.create({ data });
  }

  decideAppeal(tx: Tx, id: string, data: { status: 'upheld' | 'overturned'; outcome: string; decidedById: string }) {
    return tx.appeal.update({ where: { id }, data: { ...data, decidedAt: new Date() } });
  }

  openAppeals(cursor: Cursor | undefined, take: number) {
    return this.prisma.appeal.findMany({
      where: { status: 'open', ...(cursor ? { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] } : {}) },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take,
      include: { decision: { include: { ...withAppeal, moderator: { select: memberCard } } }, member: { select: memberCard } },
    });
  }

  appealById(id: string) {
    return this.prisma.appeal.findUnique({ where: { id }, include: { decision: true } });
  }

  // ---- the targets ----

  resource(tx: Tx, id: string) {
    return tx.resource.findUnique({ where: { id }, select: { id: true, authorId: true, state: true } });
  }

  setResourceState(tx: Tx, id: string, data: { state: 'published' | 'hidden' | 'removed' | 'rejected'; hiddenReason?: string | null; hiddenAt?: Date | null; hiddenById?: string | null; removedAt?: Date; publishedAt?: Date }) {
    return tx.resource.update({ where: { id }, data });
  }

  comment(tx: Tx, id: string) {
    return tx.comment.findUnique({ where: { id }, select: { id: true, authorId: true, deletedAt: true, hiddenAt: true } });
  }

  setCommentHidden(tx: Tx, id: string, hidden: { reason: string; by: string } | null) {
    return tx.comment.update({ where: { id }, data: hidden ? { hiddenAt: new Date(), hiddenReason: hidden.reason, hiddenById: hidden.by } : { hiddenAt: null, hiddenReason: null, hiddenById: null } });
  }

  removeComment(tx: Tx, id: string) {
    return tx.comment.update({ where: { id }, data: { body: '', deletedAt: new Date() } });
  }

  message(tx: Tx, id: string) {
    return tx.message.findUnique({ where: { id }, select: { id: true, senderId: true } });
  }

  member(tx: Tx, id: string) {
    return tx.member.findUnique({ where: { id }, select: { id: true, role: true, email: true, firstName: true, locale: true, suspendedUntil: true } });
  }

  setSuspension(tx: Tx, memberId: string, until: Date | null) {
    return tx.member.update({ where: { id: memberId }, data: { suspendedUntil: until } });
  }

  endSessions(tx: Tx, memberId: string) {
    return tx.session.deleteMany({ where: { memberId } });
  }
}
