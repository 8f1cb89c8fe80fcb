import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../core/database/prisma.service.js';
import type { Prisma } from '../../../generated/prisma/client.js';

/** Settings admins change at run time, one JSON value per key. */
@Injectable()
export class PlatformSettingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async get(key: string, tx?: Tx): Promise<unknown> {
    const row = await (tx ?? this.prisma).platformSetting.findUnique({ where: { key } });
    return row?.value;
  }

  async set(tx: Tx, key: string, value: Record<string, unknown>, updatedById: string): Promise<void> {
    const json = value as Prisma.InputJsonObject;
    await tx.platformSetting.upsert({ where: { key }, create: { key, value: json, updatedById }, update: { value: json, updatedById } });
  }

  /** How many of the author's resources were ever published (pre-moderation of first resources). */
  publishedCount(tx: Tx, authorId: string): Promise<number> {
    return tx.resource.count({ where: { authorId, publishedAt: { not: null } } });
  }

  reviewQueue(cursor: { at: Date; id: string } | undefined, take: number) {
    return this.prisma.resource.findMany({
      where: { state: 'pending_review', ...(cursor ? { OR: [{ updatedAt: { gt: cursor.at } }, { updatedAt: cursor.at, id: { gt: cursor.id } }] } : {}) },
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
      take,
      select: { id: true, title: true, updatedAt: true, author: { select: { handle: true, firstName: true, lastName: true } } },
    });
  }
}
