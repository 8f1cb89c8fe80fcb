import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';
import type { Cursor } from '../../core/pagination/cursor.js';
import { Prisma, type ResourceState, type ResourceType } from '../../generated/prisma/client.js';

export const resourceDetailInclude = {
  author: { select: { handle: true, firstName: true, lastName: true } },
  files: { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] },
  subjects: { select: { subjectKey: true }, orderBy: { subjectKey: 'asc' } },
  levels: { select: { levelKey: true }, orderBy: { levelKey: 'asc' } },
} satisfies Prisma.ResourceInclude;

export type ResourceRow = Prisma.ResourceGetPayload<{ include: typeof resourceDetailInclude }>;
export type ResourceFileRow = ResourceRow['files'][number];

export interface ResourceData {
  title: string;
  description: string;
  type: ResourceType;
  link: string | null;
  language: string;
  keywords: string[];
  licence: string;
  ageMin: number | null;
  ageMax: number | null;
}

const notRemoved = { state: { not: 'removed' as const } };

/**
 * A resource with its author, files, subjects and levels in one statement (json_agg), the shape
 * Prisma's `include: resourceDetailInclude` gives. The public detail and list are the hot paths:
 * Prisma answers that include with four queries, each compiled on the main thread (docs/benchmarks.md,
 * "API overhead and ORM cost"). Search hits and the feed read theirs with it too (findPublishedByIds).
 */
const DETAIL_SELECT = Prisma.sql`
  SELECT r.*,
    CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('handle', a.handle, 'firstName', a."firstName", 'lastName', a."lastName") END AS author,
    COALESCE((SELECT json_agg(f ORDER BY f.position, f."createdAt") FROM "ResourceFile" f WHERE f."resourceId" = r.id), '[]'::json) AS files,
    COALESCE((SELECT json_agg(json_build_object('subjectKey', s."subjectKey") ORDER BY s."subjectKey") FROM "ResourceSubject" s WHERE s."resourceId" = r.id), '[]'::json) AS subjects,
    COALESCE((SELECT json_agg(json_build_object('levelKey', l."levelKey") ORDER BY l."levelKey") FROM "ResourceLevel" l WHERE l."resourceId" = r.id), '[]'::json) AS levels
  FROM "Resource" r LEFT JOIN "Member" a ON a.id = r."authorId"`;

type RawFile = Omit<ResourceFileRow, 'createdAt'> & { createdAt: string };
type RawResourceRow = Omit<ResourceRow, 'files'> & { files: RawFile[] };

/** json_agg gives the files' timestamps as text without a zone; Prisma keeps them in UTC. */
const fromRaw = (row: RawResourceRow): ResourceRow => ({ ...row, files: row.files.map((file) => ({ ...file, createdAt: new Date(`${file.createdAt}Z`) })) });

/**
 * The published resources among `ids` (any order), in one statement: for pages another module
 * puts together, such as search hits and the feed.
 */
export async function findPublishedByIds(db: PrismaService, ids: string[]): Promise<ResourceRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<RawResourceRow[]>`${DETAIL_SELECT} WHERE r.id = ANY(${ids}::uuid[]) AND r.state = 'published'`;
  return rows.map(fromRaw);
}

/** Resources, their files and taxonomy links. Removed resources are never returned. */
@Injectable()
export class ResourcesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(tx: Tx, authorId: string, data: ResourceData, subjects: string[], levels: string[]): Promise<string> {
    const created = await tx.resource.create({
      data: {
        ...data,
        authorId,
        subjects: { create: subjects.map((subjectKey) => ({ subjectKey })) },
        levels: { create: levels.map((levelKey) => ({ levelKey })) },
      },
      select: { id: true },
    });
    return created.id;
  }

  async findDetail(id: string, tx?: Tx): Promise<ResourceRow | null> {
    const rows = await (tx ?? this.prisma).$queryRaw<RawResourceRow[]>`${DETAIL_SELECT} WHERE r.id = ${id}::uuid AND r.state <> 'removed'`;
    return rows[0] ? fromRaw(rows[0]) : null;
  }

  /** Locks the row for the rest of the transaction (concurrent edits, uploads, removal). */
  async lock(tx: Tx, id: string): Promise<{ id: string; authorId: string | null; state: ResourceState; link: string | null } | null> {
    const rows = await tx.$queryRaw<Array<{ id: string; authorId: string | null; state: ResourceState; link: string | null }>>`
      SELECT id, "authorId", state, link FROM "Resource" WHERE id = ${id}::uuid AND state <> 'removed' FOR UPDATE`;
    return rows[0] ?? null;
  }

  async update(tx: Tx, id: string, data: Partial<ResourceData> & Prisma.ResourceUpdateInput, subjects?: string[], levels?: string[]): Promise<void> {
    await tx.resource.update({ where: { id }, data });
    if (subjects) {
      await tx.resourceSubject.deleteMany({ where: { resourceId: id } });
      await tx.resourceSubject.createMany({ data: subjects.map((subjectKey) => ({ resourceId: id, subjectKey })) });
    }
    if (levels) {
      await tx.resourceLevel.deleteMany({ where: { resourceId: id } });
      await tx.resourceLevel.createMany({ data: levels.map((levelKey) => ({ resourceId: id, levelKey })) });
    }
  }

  async countFiles(tx: Tx, resourceId: string): Promise<number> {
    return tx.resourceFile.count({ where: { resourceId } });
  }

  listByAuthor(authorId: string, state: ResourceState | undefined, cursor: Cursor | undefined, take: number) {
    return this.prisma.resource.findMany({
      where: {
        authorId,
        ...(state ? { state } : notRemoved),
        ...(cursor ? { OR: [{ updatedAt: { lt: cursor.at } }, { updatedAt: cursor.at, id: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take,
      include: resourceDetailInclude,
    });
  }

  async listPublished(cursor: Cursor | undefined, take: number): Promise<ResourceRow[]> {
    const after = cursor ? Prisma.sql`AND (r."publishedAt" < ${cursor.at} OR (r."publishedAt" = ${cursor.at} AND r.id < ${cursor.id}::uuid))` : Prisma.empty;
    const rows = await this.prisma.$queryRaw<RawResourceRow[]>`${DETAIL_SELECT} WHERE r.state = 'published' ${after} ORDER BY r."publishedAt" DESC, r.id DESC LIMIT ${take}`;
    return rows.map(fromRaw);
  }

  /** One statement, as Prisma's updateMany sends it (viewCount + 1, updatedAt in UTC like every timestamp(3) column), without running its query compiler on every page view. */
  async countView(id: string): Promise<void> {
    await this.prisma.$executeRaw`UPDATE "Resource" SET "viewCount" = "viewCount" + 1, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE id = ${id}::uuid`;
  }

  async countDownload(id: string): Promise<void> {
    await this.prisma.resource.updateMany({ where: { id }, data: { downloadCount: { increment: 1 } } });
  }

  // ---- files ----

  async addFile(tx: Tx, data: { id: string; resourceId: string; uploaderId: string; storageKey: string; displayName: string; size: number; mimeType: string; extension: string; previewKind: string; position: number }): Promise<ResourceFileRow> {
    return tx.resourceFile.create({ data });
  }

  findFile(resourceId: string, fileId: string, tx?: Tx): Promise<ResourceFileRow | null> {
    return (tx ?? this.prisma).resourceFile.findFirst({ where: { id: fileId, resourceId } });
  }

  findFileById(fileId: string): Promise<ResourceFileRow | null> {
    return this.prisma.resourceFile.findUnique({ where: { id: fileId } });
  }

  async deleteFile(tx: Tx, fileId: string): Promise<void> {
    await tx.resourceFile.deleteMany({ where: { id: fileId } });
  }

  /** Deletes every file row of a resource and returns their storage keys (to delete after commit). */
  async deleteAllFiles(tx: Tx, resourceId: string): Promise<string[]> {
    const files = await tx.resourceFile.findMany({ where: { resourceId }, select: { storageKey: true, thumbnailKey: true } });
    await tx.resourceFile.deleteMany({ where: { resourceId } });
    return files.flatMap((file) => [file.storageKey, ...(file.thumbnailKey ? [file.thumbnailKey] : [])]);
  }

  async setThumbnail(fileId: string, thumbnailKey: string): Promise<boolean> {
    return (await this.prisma.resourceFile.updateMany({ where: { id: fileId }, data: { thumbnailKey } })).count === 1;
  }

  async usedBytes(uploaderId: string, tx?: Tx): Promise<number> {
    const result = await (tx ?? this.prisma).resourceFile.aggregate({ where: { uploaderId }, _sum: { size: true } });
    return result._sum.size ?? 0;
  }
}
