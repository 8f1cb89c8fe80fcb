import { describe, expect, it } from 'vitest';
import { roundEstimate, shownCount } from './estimated-count';

describe('estimated counts', () => {
  it('rounds to two significant digits from 100 on', () => {
    expect(roundEstimate(0)).toBe(0);
    expect(roundEstimate(87)).toBe(87);
    expect(roundEstimate(123)).toBe(120);
    expect(roundEstimate(12_288)).toBe(12_000);
    expect(roundEstimate(995_000)).toBe(1_000_000);
  });

  it('formats exact counts as they are and estimates rounded, per language', () => {
    expect(shownCount(12_288, false, 'nl')).toEqual({ count: 12_288, formatted: '12.288' });
    expect(shownCount(12_288, true, 'nl')).toEqual({ count: 12_000, formatted: '12.000' });
    expect(shownCount(12_288, true, 'en')).toEqual({ count: 12_000, formatted: '12,000' });
  });
});
