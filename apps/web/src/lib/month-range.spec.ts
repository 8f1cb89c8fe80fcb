import { describe, expect, it } from 'vitest';
import { addMonths, checkMonthRange, formatMonth, isMonth, lastMonths, monthCount } from './month-range';

describe('month ranges', () => {
  it('recognises YYYY-MM months only', () => {
    expect(isMonth('2026-01')).toBe(true);
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth('')).toBe(false);
  });

  it('moves across year boundaries both ways', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', -14)).toBe('2025-01');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
  });

  it('gives the last twelve months including the current one (UTC)', () => {
    expect(lastMonths(12, new Date('2026-03-15T10:00:00Z'))).toEqual({ from: '2025-04', to: '2026-03' });
    expect(lastMonths(1, new Date('2026-01-31T23:30:00Z'))).toEqual({ from: '2026-01', to: '2026-01' });
  });

  it('counts months with both ends included', () => {
    expect(monthCount('2026-01', '2026-01')).toBe(1);
    expect(monthCount('2025-04', '2026-03')).toBe(12);
    expect(monthCount('2026-03', '2026-01')).toBe(-1);
  });

  it('says what the API would refuse', () => {
    expect(checkMonthRange('2025-04', '2026-03')).toBeNull();
    expect(checkMonthRange('', '2026-03')).toEqual({ field: 'from', problem: 'fromInvalid' });
    expect(checkMonthRange('2026-01', 'x')).toEqual({ field: 'to', problem: 'toInvalid' });
    expect(checkMonthRange('2026-03', '2026-02')).toEqual({ field: 'to', problem: 'order' });
    expect(checkMonthRange('2023-01', '2025-12')).toBeNull();
    expect(checkMonthRange('2023-01', '2026-01')).toEqual({ field: 'from', problem: 'tooLong' });
  });

  it('names a month in the interface language', () => {
    expect(formatMonth('2026-03', 'en-GB', 'long')).toBe('March 2026');
    expect(formatMonth('2026-03', 'nl-BE', 'long')).toBe('maart 2026');
  });
});
