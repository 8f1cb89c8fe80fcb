/**
 * The deadline for answering a request: one month after receipt (GDPR art. 12(3)), counted as
 * the EU counts months (Regulation 1182/71): the same day of the next month, or its last day
 * when that month is shorter (31 January → 28/29 February). Time of day is kept; UTC.
 */
export function oneMonthAfter(date: Date): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(date);
  result.setUTCDate(1);
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
  return result;
}
