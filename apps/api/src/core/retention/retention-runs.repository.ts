import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';

export interface RetentionRunRecord {
  job: string;
  startedAt: Date;
  finishedAt: Date;
  outcome: 'completed' | 'failed';
  counts: Record<string, number>;
  error?: string;
}

/** The record of retention runs (RetentionRun): written after each run, read by admins. */
@Injectable()
export class RetentionRunsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async add(run: RetentionRunRecord): Promise<void> {
    await this.prisma.retentionRun.create({ data: { ...run, error: run.error ?? null } });
  }

  /** Newest first; `before` is the id of the last row of the previous page. */
  list(query: { job?: string; before?: bigint; limit: number }) {
    return this.prisma.retentionRun.findMany({
      where: { ...(query.job ? { job: query.job } : {}), ...(query.before !== undefined ? { id: { lt: query.before } } : {}) },
      orderBy: { id: 'desc' },
      take: query.limit,
    });
  }

  /** The names of the jobs that ever ran, with their last run. */
  lastRuns() {
    return this.prisma.retentionRun.findMany({ distinct: ['job'], orderBy: [{ job: 'asc' }, { id: 'desc' }] });
  }

  async purgeBefore(cutoff: Date): Promise<number> {
    return (await this.prisma.retentionRun.deleteMany({ where: { startedAt: { lt: cutoff } } })).count;
  }
}

/** The numbers a purge returned (a count, or an object of counts), for the record. */
export function countsOf(result: unknown): Record<string, number> {
  if (typeof result === 'number') return { removed: result };
  if (!result || typeof result !== 'object') return {};
  return Object.fromEntries(Object.entries(result).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}
