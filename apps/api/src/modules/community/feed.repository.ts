import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';
import type { Cursor } from '../../core/pagination/cursor.js';
import { findPublishedByIds } from '../resources/resources.repository.js';

export interface FeedRow {
  kind: 'resource' | 'folder_item';
  resourceId: string;
  at: Date;
  memberId: string | null;
  folderId: string | null;
  key: string;
}

/** The personal feed: new resources of followed members and additions to followed public folders. */
@Injectable()
export class FeedRepository {
  constructor(private readonly prisma: PrismaService) {}

  page(memberId: string, cursor: Cursor | undefined, take: number): Promise<FeedRow[]> {
    const before = cursor?.at ?? new Date('9999-12-31T00:00:00Z');
    const beforeKey = cursor?.id ?? '';
    return this.prisma.$queryRaw<FeedRow[]>`
      SELECT * FROM (
        SELECT 'resource' AS kind, r.id::text AS "resourceId", r."publishedAt" AS at, r."authorId"::text AS "memberId", NULL::text AS "folderId",
               'r:' || r.id::text AS key
          FROM "Resource" r
          JOIN "MemberFollow" f ON f."followeeId" = r."authorId"
         WHERE f."followerId" = ${memberId}::uuid AND r.state = 'published' AND r."publishedAt" IS NOT NULL
        UNION ALL
        SELECT 'folder_item', fi."resourceId"::text, fi."addedAt", NULL, fi."folderId"::text,
               'f:' || fi."folderId"::text || ':' || fi."resourceId"::text
          FROM "FolderItem" fi
          JOIN "FolderFollow" ff ON ff."folderId" = fi."folderId"
          JOIN "Folder" fo ON fo.id = fi."folderId" AND fo.visibility = 'public'
          JOIN "Resource" r ON r.id = fi."resourceId" AND r.state = 'published'
         WHERE ff."memberId" = ${memberId}::uuid AND fi."addedAt" >= ff."createdAt"
      ) feed
      WHERE (at, key) < (${before}, ${cursor ? beforeKey : '~'})
      ORDER BY at DESC, key DESC
      LIMIT ${take}`;
  }

  resources(ids: string[]) {
    return findPublishedByIds(this.prisma, ids);
  }

  members(ids: string[]) {
    return this.prisma.member.findMany({ where: { id: { in: ids } }, select: { id: true, handle: true, firstName: true, lastName: true } });
  }

  folders(ids: string[]) {
    return this.prisma.folder.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  }
}
