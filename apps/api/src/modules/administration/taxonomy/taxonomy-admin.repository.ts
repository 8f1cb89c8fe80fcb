import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../core/database/prisma.service.js';

type Kind = 'subject' | 'level';

/** Writes to the taxonomy (subjects and education levels) and the look-ups its rules need. */
@Injectable()
export class TaxonomyAdminRepository {
  constructor(private readonly prisma: PrismaService) {}

  exists(kind: Kind, key: string, tx?: Tx): Promise<boolean> {
    const db = tx ?? this.prisma;
    const found = kind === 'subject' ? db.subject.findUnique({ where: { key }, select: { key: true } }) : db.educationLevel.findUnique({ where: { key }, select: { key: true } });
    return found.then((row) => row !== null);
  }

  /** The keys from `key` up through its parents (to refuse a cycle). */
  async ancestors(kind: Kind, key: string, tx: Tx): Promise<string[]> {
    const table = kind === 'subject' ? '"Subject"' : '"EducationLevel"';
    const rows = await tx.$queryRawUnsafe<{ key: string }[]>(
      `WITH RECURSIVE up(key, "parentKey") AS (SELECT key, "parentKey" FROM ${table} WHERE key = $1 UNION SELECT t.key, t."parentKey" FROM ${table} t JOIN up ON t.key = up."parentKey") SELECT key FROM up`,
      key,
    );
    return rows.map((row) => row.key);
  }

  nextPosition(kind: Kind, tx: Tx): Promise<number> {
    const aggregate = kind === 'subject' ? tx.subject.aggregate({ _max: { position: true } }) : tx.educationLevel.aggregate({ _max: { position: true } });
    return aggregate.then((result) => (result._max.position ?? 0) + 1);
  }

  createSubject(tx: Tx, data: { key: string; nameNl: string; nameEn: string; parentKey: string | null; position: number }) {
    return tx.subject.create({ data });
  }

  updateSubject(tx: Tx, key: string, data: { nameNl?: string; nameEn?: string; parentKey?: string | null; position?: number }) {
    return tx.subject.update({ where: { key }, data });
  }

  createLevel(tx: Tx, data: { key: string; nameNl: string; nameEn: string; minAge: number; maxAge: number; parentKey: string | null; position: number }) {
    return tx.educationLevel.create({ data });
  }

  updateLevel(tx: Tx, key: string, data: { nameNl?: string; nameEn?: string; minAge?: number; maxAge?: number; parentKey?: string | null; position?: number }) {
    return tx.educationLevel.update({ where: { key }, data });
  }

  level(key: string, tx: Tx) {
    return tx.educationLevel.findUnique({ where: { key } });
  }

  /** How much refers to the entry: children, resources, members. */
  async usage(kind: Kind, key: string, tx: Tx): Promise<{ children: number; resources: number; members: number }> {
    if (kind === 'subject') {
      const [children, resources, members] = await Promise.all([tx.subject.count({ where: { parentKey: key } }), tx.resourceSubject.count({ where: { subjectKey: key } }), tx.memberSubject.count({ where: { subjectKey: key } })]);
      return { children, resources, members };
    }
    const [children, resources, members] = await Promise.all([tx.educationLevel.count({ where: { parentKey: key } }), tx.resourceLevel.count({ where: { levelKey: key } }), tx.memberLevel.count({ where: { levelKey: key } })]);
    return { children, resources, members };
  }

  async delete(kind: Kind, key: string, tx: Tx): Promise<void> {
    if (kind === 'subject') await tx.subject.delete({ where: { key } });
    else await tx.educationLevel.delete({ where: { key } });
  }

  /** Resources tagged with the entry (their search documents carry its names). */
  async resourceIds(kind: Kind, key: string, tx: Tx): Promise<string[]> {
    const rows = kind === 'subject' ? await tx.resourceSubject.findMany({ where: { subjectKey: key }, select: { resourceId: true } }) : await tx.resourceLevel.findMany({ where: { levelKey: key }, select: { resourceId: true } });
    return rows.map((row) => row.resourceId);
  }

  lockTaxonomy(tx: Tx) {
    return tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('taxonomy-admin', 0))`;
  }
}
