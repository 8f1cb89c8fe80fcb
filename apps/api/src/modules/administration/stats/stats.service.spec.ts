import { describe, expect, it } from 'vitest';
import { monthRange, suppress } from './stats.service.js';

describe('statistics helpers', () => {
  it('suppresses counts from 1 to 9 and keeps 0 and 10 or more', () => {
    expect([0, 1, 9, 10, 250].map(suppress)).toEqual([0, null, null, 10, 250]);
  });

  it('spans months inclusively, defaults to the last 12 months, and refuses more than 36', () => {
    expect(monthRange('2025-11', '2026-02').months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    const range = monthRange('2025-11', '2026-02');
    expect(range.start.toISOString()).toBe('2025-11-01T00:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    const last12 = monthRange(undefined, undefined, new Date('2026-11-23T10:00:00Z')).months;
    expect(last12).toHaveLength(12);
    expect(last12[0]).toBe('2025-12');
    expect(last12.at(-1)).toBe('2026-11');
    expect(() => monthRange('2020-01', '2026-11')).toThrow();
  });
});
