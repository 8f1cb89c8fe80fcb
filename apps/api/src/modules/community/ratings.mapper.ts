import type { RatingSummary } from '@lesplein/contracts/rating';

/** Average from the exact integer counters, rounded to 2 decimals for display. */
export function ratingAverage(ratingSum: number, ratingCount: number): number | null {
  return ratingCount > 0 ? Math.round((ratingSum * 100) / ratingCount) / 100 : null;
}

export function toRatingSummary(totals: { ratingCount: number; ratingSum: number }, mine: number | null): RatingSummary {
  return { average: ratingAverage(totals.ratingSum, totals.ratingCount), count: totals.ratingCount, mine };
}
