import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';
import type { Cursor } from '../../core/pagination/cursor.js';
import { resourceDetailInclude } from '../resources/resources.repository.js';

/** Favourites and the exact favourite count kept on each resource. */
@Injectable()
export class FavouritesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Adds a favourite; true when it was new (and the resource's count went up in the same transaction). */
  async add(tx: Tx, memberId: string, resourceId: string): Promise<boolean> {
    const inserted = await tx.$executeRaw`INSERT INTO "Favourite" ("memberId", "resourceId") VALUES (${memberId}::uuid, ${resourceId}::uuid) ON CONFLICT DO NOTHING`;
    if (inserted === 1) await tx.$executeRaw`UPDATE "Resource" SET "favouriteCount" = "favouriteCount" + 1 WHERE id = ${resourceId}::uuid`;
    return inserted === 1;
  }

  async remove(tx: Tx, memberId: string, resourceId: string): Promise<boolean> {
    const deleted = await tx.$executeRaw`DELETE FROM "Favourite" WHERE "memberId" = ${memberId}::uuid AND "resourceId" = ${resourceId}::uuid`;
    if (deleted === 1) await tx.$executeRaw`UPDATE "Resource" SET "favouriteCount" = "favouriteCount" - 1 WHERE id = ${resourceId}::uuid`;
    return deleted === 1;
  }

  async count(resourceId: string, tx?: Tx): Promise<number> {
    const row = await (tx ?? this.prisma).resource.findUnique({ where: { id: resourceId }, select: { favouriteCount: true } });
    return row?.favouriteCount ?? 0;
  }

  async isFavourite(memberId: string, resourceId: string): Promise<boolean> {
    return (await this.prisma.favourite.count({ where: { memberId, resourceId } })) > 0;
  }

  /** My favourites, newest first; only resources that are published or my own. */
  list(memberId: string, cursor: Cursor | undefined, take: number) {
    return this.prisma.favourite.findMany({
      where: {
        memberId,
        resource: { OR: [{ state: 'published' }, { authorId: memberId, state: { not: 'removed' } }] },
        ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, resourceId: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { resourceId: 'desc' }],
      take,
      include: { resource: { include: resourceDetailInclude } },
    });
  }
}
