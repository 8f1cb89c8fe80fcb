import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../core/database/prisma.service.js';
import type { SearchDocument } from '../engine/search-engine.js';
import { markdownToPlainText } from './plain-text.js';

const documentSelect = {
  id: true,
  title: true,
  description: true,
  keywords: true,
  authorId: true,
  author: { select: { firstName: true, lastName: true } },
  subjects: { select: { subject: { select: { key: true, nameNl: true, position: true } } } },
  levels: { select: { level: { select: { key: true, nameNl: true, position: true } } } },
  type: true,
  language: true,
  licence: true,
  ageMin: true,
  ageMax: true,
  link: true,
  publishedAt: true,
  createdAt: true,
  ratingCount: true,
  ratingSum: true,
  viewCount: true,
  favouriteCount: true,
  _count: { select: { files: true } },
} as const;

/**
 * The indexer's view of the database: search documents built from the live resources (only
 * published ones), locks that serialise indexing per resource, and what was last indexed.
 */
@Injectable()
export class SearchDocumentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Runs `work` holding a transaction-scoped advisory lock per resource (taken in id order). */
  withIndexingLocks<T>(ids: string[], work: (tx: Tx) => Promise<T>): Promise<T> {
    const sorted = [...new Set(ids)].sort();
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$queryRawUnsafe(`SELECT count(*)::int AS locked FROM (SELECT pg_advisory_xact_lock(7007, hashtext(id)) FROM unnest($1::text[]) AS id ORDER BY id) AS locks`, sorted);
        return work(tx);
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }

  /** Search documents of those resources that are published now (the others are absent). */
  async findPublished(tx: Tx, ids: string[]): Promise<SearchDocument[]> {
    const rows = await tx.resource.findMany({ where: { id: { in: ids }, state: 'published' }, select: documentSelect });
    return rows.map((row) => {
      const subjects = row.subjects.map((s) => s.subject).sort((a, b) => a.position - b.position);
      const levels = row.levels.map((l) => l.level).sort((a, b) => a.position - b.position);
      return {
        id: row.id,
        title: row.title,
        description: markdownToPlainText(row.description),
        keywords: row.keywords,
        authorId: row.author ? row.authorId : null,
        authorName: row.author ? `${row.author.firstName} ${row.author.lastName}` : null,
        subjects: subjects.map((s) => s.key),
        subjectLabels: subjects.map((s) => s.nameNl),
        levels: levels.map((l) => l.key),
        levelLabels: levels.map((l) => l.nameNl),
        type: row.type,
        language: row.language,
        licence: row.licence,
        ageMin: row.ageMin,
        ageMax: row.ageMax,
        hasFile: row._count.files > 0,
        hasLink: row.link !== null,
        publishedAt: row.publishedAt ?? row.createdAt,
        ratingAverage: row.ratingCount > 0 ? row.ratingSum / row.ratingCount : null,
        ratingCount: row.ratingCount,
        viewCount: row.viewCount,
        favouriteCount: row.favouriteCount,
      };
    });
  }

  async recordIndexed(tx: Tx, documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await tx.$executeRawUnsafe(
      `INSERT INTO "SearchIndexEntry" ("resourceId", "viewCount", "indexedAt")
       SELECT id, views, now() FROM unnest($1::uuid[], $2::int[]) AS e(id, views) ORDER BY id
       ON CONFLICT ("resourceId") DO UPDATE SET "viewCount" = EXCLUDED."viewCount", "indexedAt" = now()`,
      documents.map((d) => d.id),
      documents.map((d) => d.viewCount),
    );
  }

  async forgetIndexed(tx: Tx, ids: string[]): Promise<void> {
    if (ids.length > 0) await tx.searchIndexEntry.deleteMany({ where: { resourceId: { in: ids } } });
  }

  /** Published resource ids after `afterId` in id order: one batch of a full reindex. */
  async publishedIdsAfter(afterId: string | null, take: number): Promise<string[]> {
    const rows = await this.prisma.resource.findMany({
      where: { state: 'published', ...(afterId ? { id: { gt: afterId } } : {}) },
      orderBy: { id: 'asc' },
      select: { id: true },
      take,
    });
    return rows.map((row) => row.id);
  }

  countPublished(): Promise<number> {
    return this.prisma.resource.count({ where: { state: 'published' } });
  }

  /** Ids of an author's resources that may be in the index (to re-index on rename or account deletion). */
  async authorResourceIds(tx: Tx, authorId: string): Promise<string[]> {
    const rows = await tx.resource.findMany({ where: { authorId, state: { in: ['published', 'hidden'] } }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  /**
   * Resources whose index entry is out of step: published but never indexed, indexed but no
   * longer published, or viewed noticeably more since (at least 10 views and 10%).
   */
  async driftedIds(take: number): Promise<string[]> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `(SELECT r.id FROM "Resource" r LEFT JOIN "SearchIndexEntry" e ON e."resourceId" = r.id
         WHERE r.state = 'published' AND (e."resourceId" IS NULL OR r."viewCount" - e."viewCount" >= greatest(10, e."viewCount" / 10))
         LIMIT $1)
       UNION
       (SELECT e."resourceId" FROM "SearchIndexEntry" e JOIN "Resource" r ON r.id = e."resourceId" WHERE r.state <> 'published' LIMIT $1)`,
      take,
    );
    return rows.map((row) => row.id);
  }
}
