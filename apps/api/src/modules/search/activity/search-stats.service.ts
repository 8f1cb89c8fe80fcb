import { Injectable } from '@nestjs/common';
import type { SearchStats } from '@lesplein/contracts/search';
import { ValidationFailed } from '../../../core/errors/domain-error.js';
import { SearchStatsRepository } from './search-stats.repository.js';

/** Queries searched fewer times than this are never shown: a rare query may say who typed it. */
export const MINIMUM_COUNT = 10;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;
const TOP = 25;
const DAY_MS = 24 * 3600 * 1000;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Aggregated search figures for admins (the route is limited to admins by its role). */
@Injectable()
export class SearchStatsService {
  constructor(private readonly stats: SearchStatsRepository) {}

  async figures(query: { from?: string; to?: string }, now = new Date()): Promise<SearchStats> {
    const { from, to } = period(query, now);
    const [totals, topQueries, zeroResultQueries] = await Promise.all([
      this.stats.totals(from, to),
      this.stats.topQueries(from, to, MINIMUM_COUNT, TOP),
      this.stats.zeroResultQueries(from, to, MINIMUM_COUNT, TOP),
    ]);
    return { from, to, totalSearches: totals.searches, zeroResultSearches: totals.zeroResultSearches, topQueries, zeroResultQueries, minimumCount: MINIMUM_COUNT };
  }
}

/** Inclusive UTC days; by default the last 30 days up to today. */
function period(query: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const to = query.to ?? (query.from && query.from > isoDay(now) ? query.from : isoDay(now));
  const from = query.from ?? isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * DAY_MS));
  if (from > to) throw ValidationFailed([{ path: 'from', message: 'Begindatum na einddatum / The start date is after the end date' }]);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (days > MAX_DAYS) throw ValidationFailed([{ path: 'from', message: `Hoogstens ${MAX_DAYS} dagen / At most ${MAX_DAYS} days` }]);
  return { from, to };
}
