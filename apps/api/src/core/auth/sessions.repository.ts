import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';

export interface SessionRecord {
  id: string;
  memberId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  member: { role: 'member' | 'moderator' | 'admin'; status: 'active' | 'locked' | 'deletion_pending'; totpEnabledAt: Date | null; suspendedUntil: Date | null };
}

/** Server-side sessions; ids are SHA-256 hashes of the cookie tokens. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(tx: Tx | undefined, data: { id: string; memberId: string; expiresAt: Date; ipPrefix: string; userAgent: string | null }): Promise<void> {
    await (tx ?? this.prisma).session.create({ data });
  }

  find(id: string): Promise<SessionRecord | null> {
    return this.prisma.session.findFirst({
      where: { id, expiresAt: { gt: new Date() } },
      select: { id: true, memberId: true, lastSeenAt: true, expiresAt: true, member: { select: { role: true, status: true, totpEnabledAt: true, suspendedUntil: true } } },
    });
  }

  async touch(id: string, expiresAt: Date): Promise<void> {
    await this.prisma.session.updateMany({ where: { id }, data: { lastSeenAt: new Date(), expiresAt } });
  }

  async delete(id: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { id } });
  }

  async deleteForMember(memberId: string, sessionId: string): Promise<number> {
    return (await this.prisma.session.deleteMany({ where: { id: sessionId, memberId } })).count;
  }

  /** Ends every session of a member except `keepId` (when given). */
  async deleteAllForMember(tx: Tx | undefined, memberId: string, keepId?: string): Promise<number> {
    const result = await (tx ?? this.prisma).session.deleteMany({ where: { memberId, ...(keepId ? { id: { not: keepId } } : {}) } });
    return result.count;
  }

  listForMember(memberId: string) {
    return this.prisma.session.findMany({
      where: { memberId, expiresAt: { gt: new Date() } },
      orderBy: { lastSeenAt: 'desc' },
      select: { id: true, createdAt: true, lastSeenAt: true, ipPrefix: true, userAgent: true },
    });
  }

  async purgeExpired(): Promise<number> {
    return (await this.prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } })).count;
  }
}
