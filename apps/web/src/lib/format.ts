import { intlLocale } from './i18n';

/** Date and time in the interface language, e.g. "23 nov. 2026 10:31". */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A calendar date (YYYY-MM-DD or ISO timestamp) in the interface language. */
export function formatDate(value: string, language: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone: /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : undefined }).format(date);
}

const SIZE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count for people: "840 B", "1,3 MB" (nl-BE) or "1.3 MB" (en-GB). Steps of 1024, as
 * the API's limits are set (100 MiB shows as "100 MB", not "105 MB"); one decimal below 10
 * units, none above.
 */
export function formatFileSize(bytes: number, language: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  // 1023.7 kB would round to "1024 kB": show it as 1 MB instead.
  if (unit < SIZE_UNITS.length - 1 && Number(value.toFixed(digits)) >= 1024) {
    value /= 1024;
    unit += 1;
  }
  const shownDigits = unit === 0 || value >= 10 ? 0 : 1;
  const number = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: shownDigits, minimumFractionDigits: 0, useGrouping: false }).format(value);
  return `${number} ${SIZE_UNITS[unit]}`;
}

/** A count in the interface language, e.g. "1.234" (nl-BE) or "1,234" (en-GB). */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/**
 * The name of a language from its ISO 639-1 code, in the interface language ("fr" → "Frans"
 * or "French"); the code itself when the browser does not know it.
 */
export function languageName(code: string, language: string): string {
  try {
    const name = new Intl.DisplayNames([intlLocale(language)], { type: 'language', fallback: 'none' }).of(code);
    return name ?? code;
  } catch {
    return code;
  }
}
