import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';

export type LoginOutcome = 'success' | 'bad_password' | 'unknown_account' | 'unverified' | 'locked' | 'second_factor_failed' | 'rate_limited';

const FAILURES: LoginOutcome[] = ['bad_password', 'unknown_account', 'second_factor_failed'];

/** The security log of log-in attempts (24 h) and the member's own log-in history (90 days). */
@Injectable()
export class LoginLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  async recordAttempt(data: { outcome: LoginOutcome; memberId: string | null; emailHash: string; ipPrefix: string; userAgent: string | null }): Promise<void> {
    await this.prisma.loginAttempt.create({ data });
  }

  /** Failed attempts since `since` and the latest one, for an address hash or an IP prefix. */
  async failuresSince(where: { emailHash: string } | { ipPrefix: string }, since: Date): Promise<{ count: number; last: Date | null }> {
    const result = await this.prisma.loginAttempt.aggregate({
      where: { ...where, at: { gt: since }, outcome: { in: FAILURES } },
      _count: { _all: true },
      _max: { at: true },
    });
    return { count: result._count._all, last: result._max.at };
  }

  async recordLogin(data: { memberId: string; ipPrefix: string; userAgent: string | null }): Promise<void> {
    await this.prisma.loginHistoryEntry.create({ data });
  }

  listHistory(memberId: string, since: Date) {
    return this.prisma.loginHistoryEntry.findMany({
      where: { memberId, at: { gt: since } },
      orderBy: { at: 'desc' },
      take: 100,
      select: { at: true, ipPrefix: true, userAgent: true },
    });
  }

  async purgeAttemptsBefore(cutoff: Date): Promise<number> {
    return (await this.prisma.loginAttempt.deleteMany({ where: { at: { lt: cutoff } } })).count;
  }

  async purgeHistoryBefore(cutoff: Date): Promise<number> {
    return (await this.prisma.loginHistoryEntry.deleteMany({ where: { at: { lt: cutoff } } })).count;
  }
}
