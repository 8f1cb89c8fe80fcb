import { Injectable } from '@nestjs/common';
import type { RetentionRunsPage, RetentionRunsQuery, RetentionRunView } from '@lesplein/contracts/retention';
import { RetentionRunsRepository } from '../../../core/retention/retention-runs.repository.js';

type RunRow = Awaited<ReturnType<RetentionRunsRepository['list']>>[number];

const toView = (row: RunRow): RetentionRunView => ({
  id: row.id.toString(),
  job: row.job,
  startedAt: row.startedAt.toISOString(),
  finishedAt: row.finishedAt.toISOString(),
  outcome: row.outcome === 'failed' ? 'failed' : 'completed',
  counts: Object.fromEntries(Object.entries((row.counts ?? {}) as Record<string, unknown>).filter((entry): entry is [string, number] => typeof entry[1] === 'number')),
  error: row.error,
});

/** The admins' view of the retention record: the last run of each job, and every run, newest first. */
@Injectable()
export class RetentionRunsAdminService {
  constructor(private readonly runs: RetentionRunsRepository) {}

  async page(query: RetentionRunsQuery): Promise<RetentionRunsPage> {
    const [latest, rows] = await Promise.all([this.runs.lastRuns(), this.runs.list({ job: query.job, before: query.cursor ? BigInt(query.cursor) : undefined, limit: query.limit + 1 })]);
    const items = rows.slice(0, query.limit);
    return { latest: latest.map(toView), items: items.map(toView), nextCursor: rows.length > query.limit ? (items.at(-1)?.id.toString() ?? null) : null };
  }
}
