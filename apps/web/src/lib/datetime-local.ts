/**
 * Between the API's ISO timestamps and the value of an <input type="datetime-local">
 * ("YYYY-MM-DDTHH:mm", in the browser's time zone).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO timestamp as a datetime-local value in local time; '' for none or an invalid one. */
export function toDateTimeLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A datetime-local value (local time) as an ISO timestamp in UTC; null when empty. A value that
 * is not a valid date and time is returned as it is, so the contract's check reports it.
 */
export function fromDateTimeLocal(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const match = LOCAL.exec(trimmed);
  if (!match) return trimmed;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  if (Number.isNaN(date.getTime()) || date.getMonth() !== month - 1 || date.getDate() !== day) return trimmed;
  return date.toISOString();
}
