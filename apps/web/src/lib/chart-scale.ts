/**
 * Scales for the statistics charts: a "nice" top value and ticks (steps of 1, 2 or 5 times a
 * power of ten), positions of values on an axis, and totals of counts in which suppressed
 * months (null: between 1 and 9) are known only as a range.
 */

export interface Scale {
  /** The top of the axis, at least the largest value. */
  max: number;
  /** Tick values from 0 to max. */
  ticks: number[];
}

/** A step of 1, 2 or 5 × 10^n so that about `tickCount` steps cover `max`. */
function niceStep(max: number, tickCount: number): number {
  const raw = max / tickCount;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return Math.max(1, nice * power);
}

/**
 * An axis from 0 for values up to `largest`. An empty chart (nothing, or only zeros and
 * suppressed values) still gets an axis up to the suppression limit, so "<10" has room.
 */
export function niceScale(largest: number, tickCount = 4, floor = 10): Scale {
  const top = Math.max(Number.isFinite(largest) ? largest : 0, floor);
  const step = niceStep(top, tickCount);
  const max = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= max + step / 2; value += step) ticks.push(Math.round(value));
  return { max, ticks };
}

/** Where `value` lies between `start` (value 0) and `end` (value max), in pixels. */
export function position(value: number, max: number, start: number, end: number): number {
  if (max <= 0) return start;
  const clamped = Math.min(Math.max(value, 0), max);
  return start + ((end - start) * clamped) / max;
}

/** The largest known count (nulls ignored), 0 when there is none. */
export function largest(...series: readonly (readonly (number | null)[])[]): number {
  let best = 0;
  for (const counts of series) for (const count of counts) if (count !== null && count > best) best = count;
  return best;
}

export interface CountRange {
  /** Each suppressed month counted as 1. */
  min: number;
  /** Each suppressed month counted as 9. */
  max: number;
  /** How many months were suppressed. */
  suppressed: number;
}

/** The total of monthly counts; suppressed months (null) are each between 1 and `below - 1`. */
export function totalRange(counts: readonly (number | null)[], below = 10): CountRange {
  let known = 0;
  let suppressed = 0;
  for (const count of counts) {
    if (count === null) suppressed += 1;
    else known += count;
  }
  return { min: known + suppressed, max: known + suppressed * (below - 1), suppressed };
}

/**
 * Splits a line into runs of consecutive known values, so that a suppressed month breaks the
 * line instead of being drawn as zero. Each point keeps its index on the x axis.
 */
export function segments(counts: readonly (number | null)[]): { index: number; value: number }[][] {
  const runs: { index: number; value: number }[][] = [];
  let current: { index: number; value: number }[] = [];
  counts.forEach((value, index) => {
    if (value === null) {
      if (current.length) runs.push(current);
      current = [];
    } else current.push({ index, value });
  });
  if (current.length) runs.push(current);
  return runs;
}
