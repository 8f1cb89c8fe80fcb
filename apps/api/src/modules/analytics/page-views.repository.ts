import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';

/** The page-view counter: one row per day and route pattern, counted up in place. */
@Injectable()
export class PageViewsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Adds one view to today's (UTC) count of the route; concurrent views add up (one upsert). */
  async increment(route: string): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO "PageViewCount" (day, route, count) VALUES ((now() AT TIME ZONE 'UTC')::date, ${route}, 1)
      ON CONFLICT (day, route) DO UPDATE SET count = "PageViewCount".count + 1`;
  }

  /** Views per route pattern between two days (inclusive). */
  async byRoute(from: string, to: string): Promise<Array<{ route: string; views: number }>> {
    const rows = await this.prisma.$queryRaw<Array<{ route: string; views: bigint }>>`
      SELECT route, sum(count) AS views FROM "PageViewCount" WHERE day BETWEEN ${from}::date AND ${to}::date GROUP BY route ORDER BY views DESC, route`;
    return rows.map((row) => ({ route: row.route, views: Number(row.views) }));
  }

  /** Views per day between two days (inclusive), days without views left out. */
  async byDay(from: string, to: string): Promise<Array<{ day: string; views: number }>> {
    const rows = await this.prisma.$queryRaw<Array<{ day: string; views: bigint }>>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(count) AS views FROM "PageViewCount" WHERE day BETWEEN ${from}::date AND ${to}::date GROUP BY day ORDER BY day`;
    return rows.map((row) => ({ day: row.day, views: Number(row.views) }));
  }

  async purgeBefore(day: string): Promise<number> {
    return this.prisma.$executeRaw`DELETE FROM "PageViewCount" WHERE day < ${day}::date`;
  }
}
