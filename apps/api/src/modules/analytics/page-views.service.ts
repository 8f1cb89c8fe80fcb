import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AnalyticsRoute } from '@lesplein/contracts/analytics-routes';
import type { PageViewStats } from '@lesplein/contracts/analytics';
import { ValidationFailed } from '../../core/errors/domain-error.js';
import { JobQueue } from '../../core/outbox/job-queue.js';
import { SUPPRESS_BELOW, suppress } from '../administration/stats/stats.service.js';
import { PageViewsRepository } from './page-views.repository.js';

export const PURGE_PAGE_VIEWS_JOB = 'analytics.purge';
/** The longest range one answer covers, in days. */
const MAX_DAYS = 366;
/** Counts are kept this many months, like the search figures. */
const RETENTION_MONTHS = 24;
const DAY_MS = 24 * 3600 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Every day from `from` to `to` (YYYY-MM-DD, inclusive). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += DAY_MS) days.push(isoDay(new Date(at)));
  return days;
}

/**
 * The self-hosted page-view counter: the web client reports a page (its route pattern only) when
 * the visitor allowed statistics; the API keeps one count per day and pattern, nothing about the
 * visitor. Admins read the counts with those from 1 to 9 suppressed.
 */
@Injectable()
export class PageViewsService implements OnModuleInit {
  constructor(
    private readonly pageViews: PageViewsRepository,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: PURGE_PAGE_VIEWS_JOB, cron: '50 3 * * *', retryLimit: 2, expireInSeconds: 600, retention: true, handler: () => this.purge() });
  }

  record(route: AnalyticsRoute): Promise<void> {
    return this.pageViews.increment(route);
  }

  async stats(query: { from?: string; to?: string }, now = new Date()): Promise<PageViewStats> {
    const to = query.to ?? isoDay(now);
    const from = query.from ?? isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS));
    // Also when only one end is given (the other defaults to today or 30 days before).
    if (from > to) throw ValidationFailed([{ path: 'to', message: 'Na "van" / After "from"' }]);
    if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_DAYS) throw ValidationFailed([{ path: 'from', message: 'Hoogstens 366 dagen / At most 366 days' }]);
    const [routes, days] = await Promise.all([this.pageViews.byRoute(from, to), this.pageViews.byDay(from, to)]);
    const total = routes.reduce((sum, row) => sum + row.views, 0);
    return {
      from,
      to,
      suppressedBelow: SUPPRESS_BELOW,
      total: suppress(total),
      routes: routes.map((row) => ({ route: row.route, views: suppress(row.views) })),
      days: daysBetween(from, to).map((day) => ({ day, views: suppress(days.find((row) => row.day === day)?.views ?? 0) })),
    };
  }

  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now);
    cutoff.setUTCMonth(cutoff.getUTCMonth() - RETENTION_MONTHS);
    return this.pageViews.purgeBefore(isoDay(cutoff));
  }
}
