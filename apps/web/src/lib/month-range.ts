/**
 * Month ranges for the statistics page: months are "YYYY-MM" strings, as the API takes and
 * answers them. The API allows at most 36 months and, without a range, shows the last 12.
 */
export const MAX_MONTHS = 36;
export const DEFAULT_MONTHS = 12;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

function parts(month: string): [number, number] {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`Not a month: ${month}`);
  return [Number(match[1]), Number(match[2])];
}

/** The month `count` months after (or before, when negative) `month`. */
export function addMonths(month: string, count: number): string {
  const [year, m] = parts(month);
  const index = year * 12 + (m - 1) + count;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String(index - y * 12 + 1).padStart(2, '0')}`;
}

/** The current month in UTC, as the API counts it. */
export function currentMonth(now: Date = new Date()): string {
  return now.toISOString().slice(0, 7);
}

/** The last `count` months up to and including the current one. */
export function lastMonths(count: number = DEFAULT_MONTHS, now: Date = new Date()): { from: string; to: string } {
  const to = currentMonth(now);
  return { from: addMonths(to, -(count - 1)), to };
}

/** How many months from..to covers, both included (0 or less when `to` is before `from`). */
export function monthCount(from: string, to: string): number {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export type MonthRangeProblem = 'fromInvalid' | 'toInvalid' | 'order' | 'tooLong';

/** What is wrong with a range typed by the admin, or null when the API will accept it. */
export function checkMonthRange(from: string, to: string): { field: 'from' | 'to'; problem: MonthRangeProblem } | null {
  if (!isMonth(from)) return { field: 'from', problem: 'fromInvalid' };
  if (!isMonth(to)) return { field: 'to', problem: 'toInvalid' };
  const count = monthCount(from, to);
  if (count < 1) return { field: 'to', problem: 'order' };
  if (count > MAX_MONTHS) return { field: 'from', problem: 'tooLong' };
  return null;
}

/** "jan. 2026" (nl-BE) or "Jan 2026" (en-GB): a month for axis labels and table headers. */
export function formatMonth(month: string, locale: string, style: 'short' | 'long' = 'short'): string {
  const [year, m] = parts(month);
  return new Intl.DateTimeFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 1)));
}
