import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';
import type { FolderVisibility, Prisma } from '../../generated/prisma/client.js';
import { resourceDetailInclude } from '../resources/resources.repository.js';

export const folderSummaryInclude = {
  owner: { select: { handle: true, firstName: true, lastName: true } },
  cover: { select: { id: true, files: { where: { thumbnailKey: { not: null } }, select: { id: true }, take: 1 } } },
  _count: { select: { items: true } },
} satisfies Prisma.FolderInclude;

export type FolderRow = Prisma.FolderGetPayload<{ include: typeof folderSummaryInclude }>;

/** Folders, their ordered items and their followers. */
@Injectable()
export class FoldersRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(tx: Tx, data: { ownerId: string; name: string; description: string; visibility: FolderVisibility; shareToken: string | null }) {
    return tx.folder.create({ data, include: folderSummaryInclude });
  }

  find(id: string, tx?: Tx): Promise<FolderRow | null> {
    return (tx ?? this.prisma).folder.findUnique({ where: { id }, include: folderSummaryInclude });
  }

  findByShareToken(shareToken: string): Promise<FolderRow | null> {
    return this.prisma.folder.findFirst({ where: { shareToken, visibility: 'link' }, include: folderSummaryInclude });
  }

  /** Locks a folder row for the rest of the transaction. */
  async lock(tx: Tx, id: string): Promise<{ id: string; ownerId: string; visibility: FolderVisibility; shareToken: string | null } | null> {
    const rows = await tx.$queryRaw<Array<{ id: string; ownerId: string; visibility: FolderVisibility; shareToken: string | null }>>`
      SELECT id, "ownerId", visibility, "shareToken" FROM "Folder" WHERE id = ${id}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }

  async update(tx: Tx, id: string, data: Prisma.FolderUncheckedUpdateInput): Promise<void> {
    await tx.folder.update({ where: { id }, data });
  }

  async delete(tx: Tx, id: string): Promise<void> {
    await tx.folder.delete({ where: { id } });
  }

  listByOwner(ownerId: string, onlyPublic: boolean) {
    return this.prisma.folder.findMany({
      where: { ownerId, ...(onlyPublic ? { visibility: 'public' as const } : {}) },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: 200,
      include: folderSummaryInclude,
    });
  }

  items(folderId: string) {
    return this.prisma.folderItem.findMany({ where: { folderId }, orderBy: [{ position: 'asc' }, { addedAt: 'asc' }], include: { resource: { include: resourceDetailInclude } } });
  }

  async itemIds(tx: Tx, folderId: string): Promise<string[]> {
    const rows = await tx.folderItem.findMany({ where: { folderId }, orderBy: [{ position: 'asc' }, { addedAt: 'asc' }], select: { resourceId: true } });
    return rows.map((row) => row.resourceId);
  }

  /** Appends an item (no-op when it is already there); true when added. */
  async addItem(tx: Tx, folderId: string, resourceId: string): Promise<boolean> {
    const added = await tx.$executeRaw`
      INSERT INTO "FolderItem" ("folderId", "resourceId", position)
      VALUES (${folderId}::uuid, ${resourceId}::uuid, (SELECT COALESCE(MAX(position), -1) + 1 FROM "FolderItem" WHERE "folderId" = ${folderId}::uuid))
      ON CONFLICT DO NOTHING`;
    if (added === 1) await tx.folder.update({ where: { id: folderId }, data: { updatedAt: new Date() } });
    return added === 1;
  }

  async removeItem(tx: Tx, folderId: string, resourceId: string): Promise<boolean> {
    const removed = await tx.folderItem.deleteMany({ where: { folderId, resourceId } });
    if (removed.count === 1) await tx.folder.updateMany({ where: { id: folderId, coverResourceId: resourceId }, data: { coverResourceId: null } });
    return removed.count === 1;
  }

  async setOrder(tx: Tx, folderId: string, resourceIds: string[]): Promise<void> {
    for (const [position, resourceId] of resourceIds.entries()) await tx.folderItem.update({ where: { folderId_resourceId: { folderId, resourceId } }, data: { position } });
  }

  async follow(tx: Tx, memberId: string, folderId: string): Promise<void> {
    const added = await tx.$executeRaw`INSERT INTO "FolderFollow" ("memberId", "folderId") VALUES (${memberId}::uuid, ${folderId}::uuid) ON CONFLICT DO NOTHING`;
    if (added === 1) await tx.$executeRaw`UPDATE "Folder" SET "followerCount" = "followerCount" + 1 WHERE id = ${folderId}::uuid`;
  }

  async unfollow(tx: Tx, memberId: string, folderId: string): Promise<void> {
    const removed = await tx.$executeRaw`DELETE FROM "FolderFollow" WHERE "memberId" = ${memberId}::uuid AND "folderId" = ${folderId}::uuid`;
    if (removed === 1) await tx.$executeRaw`UPDATE "Folder" SET "followerCount" = "followerCount" - 1 WHERE id = ${folderId}::uuid`;
  }

  async followerIds(tx: Tx, folderId: string): Promise<string[]> {
    return (await tx.folderFollow.findMany({ where: { folderId }, select: { memberId: true }, take: 10_000 })).map((row) => row.memberId);
  }

  async foldersHolding(ownerId: string, resourceId: string): Promise<string[]> {
    return (await this.prisma.folderItem.findMany({ where: { resourceId, folder: { ownerId } }, select: { folderId: true } })).map((row) => row.folderId);
  }

  async showsPublicFolders(memberId: string): Promise<boolean> {
    return (await this.prisma.member.findUnique({ where: { id: memberId }, select: { showPublicFolders: true } }))?.showPublicFolders ?? false;
  }

  async isFollowing(memberId: string, folderId: string): Promise<boolean> {
    return (await this.prisma.folderFollow.count({ where: { memberId, folderId } })) > 0;
  }

  /** Followers lose a folder that stops being public. */
  async dropFollowers(tx: Tx, folderId: string): Promise<void> {
    await tx.folderFollow.deleteMany({ where: { folderId } });
    await tx.folder.update({ where: { id: folderId }, data: { followerCount: 0 } });
  }
}
