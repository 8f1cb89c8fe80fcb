import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';
import type { SynonymSource } from './engine/synonyms.js';

/** Synonym groups (SearchSynonymGroup): data that admins may edit later. */
@Injectable()
export class SearchSynonymsRepository implements SynonymSource {
  constructor(private readonly prisma: PrismaService) {}

  async groups(): Promise<string[][]> {
    const rows = await this.prisma.searchSynonymGroup.findMany({ orderBy: { id: 'asc' }, select: { terms: true } });
    return rows.map((row) => row.terms);
  }

  /** Replaces every group (admins edit the list as a whole). */
  async replace(groups: string[][]): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.searchSynonymGroup.deleteMany({});
      if (groups.length > 0) await tx.searchSynonymGroup.createMany({ data: groups.map((terms) => ({ terms })) });
    });
  }

  /** Inserts the shipped groups when the table is empty (one process at a time); true when it did. */
  async seedIfEmpty(groups: string[][]): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(7007, 0)) AS lock`);
      if ((await tx.searchSynonymGroup.count()) > 0) return false;
      await tx.searchSynonymGroup.createMany({ data: groups.map((terms) => ({ terms })) });
      return true;
    });
  }
}
