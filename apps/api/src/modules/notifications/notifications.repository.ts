import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';
import type { Cursor } from '../../core/pagination/cursor.js';
import type { NotificationChannel, NotificationType } from '../../generated/prisma/client.js';

export interface NewNotification {
  recipientId: string;
  type: NotificationType;
  channel: NotificationChannel;
  actorId?: string | null;
  resourceId?: string | null;
  folderId?: string | null;
  commentId?: string | null;
  conversationId?: string | null;
  savedSearchId?: string | null;
  matchCount?: number | null;
}

/** Notifications, preferences and what is needed to word them. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  preferences(memberIds: string[], tx?: Tx) {
    return (tx ?? this.prisma).notificationPreference.findMany({ where: { memberId: { in: memberIds } } });
  }

  async setPreference(memberId: string, type: NotificationType, channel: NotificationChannel): Promise<void> {
    await this.prisma.notificationPreference.upsert({ where: { memberId_type: { memberId, type } }, create: { memberId, type, channel }, update: { channel } });
  }

  async create(tx: Tx, rows: NewNotification[]) {
    return tx.notification.createManyAndReturn({ data: rows, select: { id: true, recipientId: true, type: true, channel: true, actorId: true, resourceId: true, folderId: true, commentId: true, conversationId: true, savedSearchId: true, matchCount: true } });
  }

  recipients(ids: string[], tx?: Tx) {
    return (tx ?? this.prisma).member.findMany({ where: { id: { in: ids }, status: 'active' }, select: { id: true, email: true, locale: true, firstName: true, handle: true, lastName: true } });
  }

  resources(ids: string[], tx?: Tx) {
    return (tx ?? this.prisma).resource.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } });
  }

  folders(ids: string[], tx?: Tx) {
    return (tx ?? this.prisma).folder.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  }

  savedSearches(ids: string[], tx?: Tx) {
    return (tx ?? this.prisma).savedSearch.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, filters: true } });
  }

  list(recipientId: string, cursor: Cursor | undefined, take: number) {
    return this.prisma.notification.findMany({
      where: { recipientId, ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      include: { actor: { select: { handle: true, firstName: true, lastName: true } }, savedSearch: { select: { id: true, name: true, filters: true } } },
    });
  }

  unreadCount(recipientId: string): Promise<number> {
    return this.prisma.notification.count({ where: { recipientId, readAt: null } });
  }

  async markRead(recipientId: string, id: string): Promise<number> {
    return (await this.prisma.notification.updateMany({ where: { id, recipientId }, data: { readAt: new Date() } })).count;
  }

  async markAllRead(recipientId: string): Promise<number> {
    return (await this.prisma.notification.updateMany({ where: { recipientId, readAt: null }, data: { readAt: new Date() } })).count;
  }

  /** Members with digest items not yet e-mailed. */
  async digestRecipients(): Promise<string[]> {
    const rows = await this.prisma.notification.findMany({ where: { channel: 'digest', emailedAt: null }, distinct: ['recipientId'], select: { recipientId: true }, take: 10_000 });
    return rows.map((row) => row.recipientId);
  }

  pendingDigest(tx: Tx, recipientId: string) {
    return tx.notification.findMany({
      where: { recipientId, channel: 'digest', emailedAt: null },
      orderBy: { createdAt: 'asc' },
      take: 200,
      include: { actor: { select: { handle: true, firstName: true, lastName: true } }, savedSearch: { select: { id: true, name: true, filters: true } } },
    });
  }

  async markEmailed(tx: Tx, ids: string[]): Promise<void> {
    await tx.notification.updateMany({ where: { id: { in: ids } }, data: { emailedAt: new Date() } });
  }

  async purgeBefore(cutoff: Date): Promise<number> {
    return (await this.prisma.notification.deleteMany({ where: { createdAt: { lt: cutoff } } })).count;
  }
}
