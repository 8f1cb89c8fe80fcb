import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../core/database/prisma.service.js';

export interface MonthCount {
  month: string;
  key: string;
  count: number;
}

/** Aggregates only: counts per month (YYYY-MM), never rows about members. */
@Injectable()
export class StatsRepository {
  constructor(private readonly prisma: PrismaService) {}

  resourcesBySubject(from: Date, to: Date): Promise<MonthCount[]> {
    return this.prisma.$queryRaw<MonthCount[]>`
      SELECT to_char(date_trunc('month', r."publishedAt"), 'YYYY-MM') AS month, rs."subjectKey" AS key, count(*)::int AS count
      FROM "Resource" r JOIN "ResourceSubject" rs ON rs."resourceId" = r.id
      WHERE r.state = 'published' AND r."publishedAt" >= ${from} AND r."publishedAt" < ${to}
      GROUP BY 1, 2`;
  }

  resourcesByLevel(from: Date, to: Date): Promise<MonthCount[]> {
    return this.prisma.$queryRaw<MonthCount[]>`
      SELECT to_char(date_trunc('month', r."publishedAt"), 'YYYY-MM') AS month, rl."levelKey" AS key, count(*)::int AS count
      FROM "Resource" r JOIN "ResourceLevel" rl ON rl."resourceId" = r.id
      WHERE r.state = 'published' AND r."publishedAt" >= ${from} AND r."publishedAt" < ${to}
      GROUP BY 1, 2`;
  }

  /** One row per month and figure: active members, searches, zero-result searches, authorisations, withdrawals. */
  activity(from: Date, to: Date): Promise<MonthCount[]> {
    return this.prisma.$queryRaw<MonthCount[]>`
      SELECT to_char(date_trunc('month', at), 'YYYY-MM') AS month, 'activeMembers' AS key, count(DISTINCT "memberId")::int AS count
        FROM "LoginHistoryEntry" WHERE at >= ${from} AND at < ${to} GROUP BY 1
      UNION ALL
      SELECT to_char(date_trunc('month', day), 'YYYY-MM'), 'searches', sum(searches)::int FROM "SearchQueryStat" WHERE day >= ${from} AND day < ${to} GROUP BY 1
      UNION ALL
      SELECT to_char(date_trunc('month', day), 'YYYY-MM'), 'zeroResultSearches', sum("zeroResultSearches")::int FROM "SearchQueryStat" WHERE day >= ${from} AND day < ${to} GROUP BY 1
      UNION ALL
      SELECT to_char(date_trunc('month', "grantedAt"), 'YYYY-MM'), 'partnerAuthorisations', count(*)::int FROM "PartnerConsent" WHERE "grantedAt" >= ${from} AND "grantedAt" < ${to} GROUP BY 1
      UNION ALL
      SELECT to_char(date_trunc('month', "withdrawnAt"), 'YYYY-MM'), 'partnerWithdrawals', count(*)::int FROM "PartnerConsentWithdrawal" WHERE "withdrawnAt" >= ${from} AND "withdrawnAt" < ${to} GROUP BY 1`;
  }

  subjects() {
    return this.prisma.subject.findMany({ select: { key: true, nameNl: true, nameEn: true } });
  }

  levels() {
    return this.prisma.educationLevel.findMany({ select: { key: true, nameNl: true, nameEn: true } });
  }
}
