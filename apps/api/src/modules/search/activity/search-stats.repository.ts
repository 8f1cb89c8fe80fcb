import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../core/database/prisma.service.js';

export interface QueryCountRow {
  query: string;
  count: number;
}

/** The anonymous daily figures per normalised query: no member, no time of day. */
@Injectable()
export class SearchStatsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Counts one search (atomically, concurrent searches add up). `day` is a UTC date (YYYY-MM-DD). */
  async bump(day: string, query: string, zeroResults: boolean): Promise<void> {
    const zero = zeroResults ? 1 : 0;
    await this.prisma.$executeRaw`
      INSERT INTO "SearchQueryStat" ("day", "query", "searches", "zeroResultSearches")
      VALUES (${day}::date, ${query}, 1, ${zero})
      ON CONFLICT ("day", "query") DO UPDATE
        SET "searches" = "SearchQueryStat"."searches" + 1,
            "zeroResultSearches" = "SearchQueryStat"."zeroResultSearches" + EXCLUDED."zeroResultSearches"`;
  }

  async totals(from: string, to: string): Promise<{ searches: number; zeroResultSearches: number }> {
    const [row] = await this.prisma.$queryRaw<Array<{ searches: bigint | null; zero: bigint | null }>>`
      SELECT sum("searches") AS searches, sum("zeroResultSearches") AS zero
      FROM "SearchQueryStat" WHERE "day" BETWEEN ${from}::date AND ${to}::date`;
    return { searches: Number(row?.searches ?? 0), zeroResultSearches: Number(row?.zero ?? 0) };
  }

  /** Query texts searched at least `minimum` times in the period, most searched first ('' = filters only, left out). */
  async topQueries(from: string, to: string, minimum: number, limit: number): Promise<QueryCountRow[]> {
    const rows = await this.prisma.$queryRaw<Array<{ query: string; count: bigint }>>`
      SELECT "query", sum("searches") AS count
      FROM "SearchQueryStat" WHERE "day" BETWEEN ${from}::date AND ${to}::date AND "query" <> ''
      GROUP BY "query" HAVING sum("searches") >= ${minimum}
      ORDER BY count DESC, "query" ASC LIMIT ${limit}`;
    return rows.map((row) => ({ query: row.query, count: Number(row.count) }));
  }

  /** Query texts that found nothing at least `minimum` times in the period. */
  async zeroResultQueries(from: string, to: string, minimum: number, limit: number): Promise<QueryCountRow[]> {
    const rows = await this.prisma.$queryRaw<Array<{ query: string; count: bigint }>>`
      SELECT "query", sum("zeroResultSearches") AS count
      FROM "SearchQueryStat" WHERE "day" BETWEEN ${from}::date AND ${to}::date AND "query" <> ''
      GROUP BY "query" HAVING sum("zeroResultSearches") >= ${minimum}
      ORDER BY count DESC, "query" ASC LIMIT ${limit}`;
    return rows.map((row) => ({ query: row.query, count: Number(row.count) }));
  }

  /** Retention of the figures: days before the cutoff (YYYY-MM-DD) are deleted. */
  async purgeBefore(day: string): Promise<number> {
    return this.prisma.$executeRaw`DELETE FROM "SearchQueryStat" WHERE "day" < ${day}::date`;
  }
}
