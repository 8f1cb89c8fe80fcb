import { intlLocale } from './i18n';

/** An average score with at most one decimal, in the reader's language ("4,5" / "4.5"). */
export function formatAverage(average: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 }).format(average);
}
