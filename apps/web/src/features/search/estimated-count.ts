/**
 * Counts of a sampled search result (`estimated` in the answer) are shown rounded to two
 * significant digits — "ongeveer 12.000" rather than a precise-looking 12.288.
 */
export function roundEstimate(count: number): number {
  if (count < 100) return count;
  const step = 10 ** (Math.floor(Math.log10(count)) - 1);
  return Math.round(count / step) * step;
}

/** The count as shown: exact, or rounded and formatted for the language when estimated. */
export function shownCount(count: number, estimated: boolean, language: string): { count: number; formatted: string } {
  const shown = estimated ? roundEstimate(count) : count;
  return { count: shown, formatted: new Intl.NumberFormat(language).format(shown) };
}
