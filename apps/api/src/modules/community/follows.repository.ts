import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';
import type { Cursor } from '../../core/pagination/cursor.js';

const memberCardSelect = { id: true, handle: true, firstName: true, lastName: true } as const;

/** Member follows and blocks. */
@Injectable()
export class FollowsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** True when the follow is new. */
  async follow(tx: Tx, followerId: string, followeeId: string): Promise<boolean> {
    return (await tx.$executeRaw`INSERT INTO "MemberFollow" ("followerId", "followeeId") VALUES (${followerId}::uuid, ${followeeId}::uuid) ON CONFLICT DO NOTHING`) === 1;
  }

  async unfollow(followerId: string, followeeId: string, tx?: Tx): Promise<void> {
    await (tx ?? this.prisma).memberFollow.deleteMany({ where: { followerId, followeeId } });
  }

  async isFollowing(followerId: string, followeeId: string): Promise<boolean> {
    return (await this.prisma.memberFollow.count({ where: { followerId, followeeId } })) > 0;
  }

  followerCount(memberId: string): Promise<number> {
    return this.prisma.memberFollow.count({ where: { followeeId: memberId } });
  }

  followers(memberId: string, cursor: Cursor | undefined, take: number) {
    return this.prisma.memberFollow.findMany({
      where: { followeeId: memberId, ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, followerId: { lt: cursor.id } }] } : {}) },
      orderBy: [{ createdAt: 'desc' }, { followerId: 'desc' }],
      take,
      select: { createdAt: true, followerId: true, follower: { select: memberCardSelect } },
    });
  }

  following(memberId: string, cursor: Cursor | undefined, take: number) {
    return this.prisma.memberFollow.findMany({
      where: { followerId: memberId, ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, followeeId: { lt: cursor.id } }] } : {}) },
      orderBy: [{ createdAt: 'desc' }, { followeeId: 'desc' }],
      take,
      select: { createdAt: true, followeeId: true, followee: { select: memberCardSelect } },
    });
  }

  async showFollows(memberId: string): Promise<boolean> {
    return (await this.prisma.member.findUnique({ where: { id: memberId }, select: { showFollows: true } }))?.showFollows ?? false;
  }

  async setShowFollows(memberId: string, showFollows: boolean): Promise<void> {
    await this.prisma.member.update({ where: { id: memberId }, data: { showFollows } });
  }

  /** Blocks a member and ends follows in both directions, in one transaction. */
  async block(blockerId: string, blockedId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "MemberBlock" ("blockerId", "blockedId") VALUES (${blockerId}::uuid, ${blockedId}::uuid) ON CONFLICT DO NOTHING`;
      await tx.memberFollow.deleteMany({ where: { OR: [{ followerId: blockerId, followeeId: blockedId }, { followerId: blockedId, followeeId: blockerId }] } });
    });
  }

  async unblock(blockerId: string, blockedId: string): Promise<void> {
    await this.prisma.memberBlock.deleteMany({ where: { blockerId, blockedId } });
  }

  async isBlocked(blockerId: string, blockedId: string): Promise<boolean> {
    return (await this.prisma.memberBlock.count({ where: { blockerId, blockedId } })) > 0;
  }

  blocks(blockerId: string) {
    return this.prisma.memberBlock.findMany({ where: { blockerId }, orderBy: { createdAt: 'desc' }, take: 500, select: { blocked: { select: memberCardSelect } } });
  }
}
