import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';
import type { Cursor } from '../../core/pagination/cursor.js';
import { resourceDetailInclude } from '../resources/resources.repository.js';

export const usageSelect = { showPublicFolders: true, showResources: true, showComments: true, showFavouritesCount: true, showFollows: true } as const;

/** The member's choices of what their profile shows, and the activity shown. */
@Injectable()
export class ProfileActivityRepository {
  constructor(private readonly prisma: PrismaService) {}

  settings(memberId: string) {
    return this.prisma.member.findUnique({ where: { id: memberId }, select: usageSelect });
  }

  memberByHandle(handle: string) {
    return this.prisma.member.findFirst({ where: { handle, status: 'active', emailVerifiedAt: { not: null } }, select: { id: true, ...usageSelect } });
  }

  async update(memberId: string, data: Partial<Record<keyof typeof usageSelect, boolean>>): Promise<void> {
    await this.prisma.member.update({ where: { id: memberId }, data });
  }

  publishedBy(authorId: string, cursor: Cursor | undefined, take: number) {
    return this.prisma.resource.findMany({
      where: { authorId, state: 'published', ...(cursor ? { OR: [{ publishedAt: { lt: cursor.at } }, { publishedAt: cursor.at, id: { lt: cursor.id } }] } : {}) },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take,
      include: resourceDetailInclude,
    });
  }

  favouritesCount(memberId: string): Promise<number> {
    return this.prisma.favourite.count({ where: { memberId, resource: { state: 'published' } } });
  }

  recentComments(authorId: string) {
    return this.prisma.comment.findMany({
      where: { authorId, deletedAt: null, hiddenAt: null, resource: { state: 'published' } },
      orderBy: { createdAt: 'desc' },
      take: 20,
      select: { id: true, body: true, createdAt: true, resource: { select: { id: true, title: true } } },
    });
  }
}
