import { Injectable } from '@nestjs/common';
import type { StatsSeries, StatsView } from '@lesplein/contracts/stats';
import { ValidationFailed } from '../../../core/errors/domain-error.js';
import { toCsv } from '../../../core/http/csv.js';
import { StatsRepository, type MonthCount } from './stats.repository.js';

/** Counts from 1 to 9 are not shown, so that no member can be singled out. */
export const SUPPRESS_BELOW = 10;
const MAX_MONTHS = 36;
const LOGIN_HISTORY_DAYS = 90;

export function suppress(count: number): number | null {
  return count > 0 && count < SUPPRESS_BELOW ? null : count;
}

/** The months from..to inclusive as YYYY-MM, and the half-open date range they cover. */
export function monthRange(from: string | undefined, to: string | undefined, now = new Date()): { months: string[]; start: Date; end: Date } {
  const last = to ?? now.toISOString().slice(0, 7);
  const [lastYear, lastMonth] = last.split('-').map(Number) as [number, number];
  const first = from ?? new Date(Date.UTC(lastYear, lastMonth - 12, 1)).toISOString().slice(0, 7);
  const [firstYear, firstMonth] = first.split('-').map(Number) as [number, number];
  const count = (lastYear - firstYear) * 12 + (lastMonth - firstMonth) + 1;
  if (count > MAX_MONTHS) throw ValidationFailed([{ path: 'from', message: `Hoogstens ${MAX_MONTHS} maanden / At most ${MAX_MONTHS} months` }]);
  const months = Array.from({ length: count }, (_, i) => new Date(Date.UTC(firstYear, firstMonth - 1 + i, 1)).toISOString().slice(0, 7));
  return { months, start: new Date(Date.UTC(firstYear, firstMonth - 1, 1)), end: new Date(Date.UTC(lastYear, lastMonth, 1)) };
}

/**
 * The admins' statistics: resources per subject and level over time, active members, searches
 * and zero-result searches, partner authorisations — aggregated, counts under 10 suppressed.
 */
@Injectable()
export class StatsService {
  constructor(private readonly stats: StatsRepository) {}

  async view(query: { from?: string; to?: string }, now = new Date()): Promise<StatsView> {
    const { months, start, end } = monthRange(query.from, query.to, now);
    const [bySubject, byLevel, activity, subjects, levels] = await Promise.all([
      this.stats.resourcesBySubject(start, end),
      this.stats.resourcesByLevel(start, end),
      this.stats.activity(start, end),
      this.stats.subjects(),
      this.stats.levels(),
    ]);
    const historyFrom = new Date(now.getTime() - LOGIN_HISTORY_DAYS * 24 * 3600 * 1000).toISOString().slice(0, 7);
    const line = (key: string) => months.map((month) => suppress(activity.find((row) => row.month === month && row.key === key)?.count ?? 0));
    return {
      months,
      suppressedBelow: SUPPRESS_BELOW,
      resourcesBySubject: series(bySubject, months, subjects),
      resourcesByLevel: series(byLevel, months, levels),
      // Months before the log-in history's retention are unknown, not zero.
      activeMembers: line('activeMembers').map((count, i) => ((months[i] ?? '') < historyFrom ? null : count)),
      activeMembersKnownFrom: historyFrom,
      searches: line('searches'),
      zeroResultSearches: line('zeroResultSearches'),
      partnerAuthorisations: line('partnerAuthorisations'),
      partnerWithdrawals: line('partnerWithdrawals'),
    };
  }

  async csv(query: { from?: string; to?: string; dataset: 'resources-by-subject' | 'resources-by-level' | 'activity' }): Promise<string> {
    const view = await this.view(query);
    if (query.dataset === 'activity') {
      const rows = view.months.map((month, i) => ({
        month,
        activeMembers: view.activeMembers[i],
        searches: view.searches[i],
        zeroResultSearches: view.zeroResultSearches[i],
        partnerAuthorisations: view.partnerAuthorisations[i],
        partnerWithdrawals: view.partnerWithdrawals[i],
      }));
      return toCsv(['month', 'activeMembers', 'searches', 'zeroResultSearches', 'partnerAuthorisations', 'partnerWithdrawals'], rows);
    }
    const list = query.dataset === 'resources-by-subject' ? view.resourcesBySubject : view.resourcesByLevel;
    const rows: Record<string, unknown>[] = list.map((item) => ({ key: item.key, name: item.nameNl, ...Object.fromEntries(view.months.map((month, i) => [month, item.counts[i]])) }));
    return toCsv<Record<string, unknown>>(['key', 'name', ...view.months], rows);
  }
}

function series(rows: MonthCount[], months: string[], names: { key: string; nameNl: string; nameEn: string }[]): StatsSeries[] {
  const keys = [...new Set(rows.map((row) => row.key))].sort();
  return keys.map((key) => {
    const name = names.find((entry) => entry.key === key);
    return {
      key,
      nameNl: name?.nameNl ?? key,
      nameEn: name?.nameEn ?? key,
      counts: months.map((month) => suppress(rows.find((row) => row.month === month && row.key === key)?.count ?? 0)),
    };
  });
}
