import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';
import type { Cursor } from '../../core/pagination/cursor.js';
import { resourceDetailInclude } from './resources.repository.js';

/** A member's own "viewed resources" history. */
@Injectable()
export class ViewHistoryRepository {
  constructor(private readonly prisma: PrismaService) {}

  async isPaused(memberId: string): Promise<boolean> {
    const member = await this.prisma.member.findUnique({ where: { id: memberId }, select: { viewHistoryPaused: true } });
    return member?.viewHistoryPaused ?? true;
  }

  async setPaused(memberId: string, paused: boolean): Promise<void> {
    await this.prisma.member.update({ where: { id: memberId }, data: { viewHistoryPaused: paused } });
  }

  async viewedSince(memberId: string, resourceId: string, since: Date): Promise<boolean> {
    return (await this.prisma.resourceView.count({ where: { memberId, resourceId, viewedAt: { gt: since } } })) > 0;
  }

  async record(memberId: string, resourceId: string): Promise<void> {
    await this.prisma.resourceView.create({ data: { memberId, resourceId } });
  }

  list(memberId: string, cursor: Cursor | undefined, take: number) {
    return this.prisma.resourceView.findMany({
      where: {
        memberId,
        ...(cursor ? { OR: [{ viewedAt: { lt: cursor.at } }, { viewedAt: cursor.at, id: { lt: BigInt(cursor.id) } }] } : {}),
      },
      orderBy: [{ viewedAt: 'desc' }, { id: 'desc' }],
      take,
      include: { resource: { include: resourceDetailInclude } },
    });
  }

  async delete(memberId: string, id: bigint): Promise<number> {
    return (await this.prisma.resourceView.deleteMany({ where: { id, memberId } })).count;
  }

  async clear(memberId: string): Promise<number> {
    return (await this.prisma.resourceView.deleteMany({ where: { memberId } })).count;
  }
}
