import { describe, expect, it } from 'vitest';
import { largest, niceScale, position, segments, totalRange } from './chart-scale';

describe('niceScale', () => {
  it('rounds the top up to a step of 1, 2 or 5 times a power of ten', () => {
    expect(niceScale(37)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceScale(123)).toEqual({ max: 150, ticks: [0, 50, 100, 150] });
    expect(niceScale(1_900)).toEqual({ max: 2_000, ticks: [0, 500, 1_000, 1_500, 2_000] });
    expect(niceScale(80)).toEqual({ max: 80, ticks: [0, 20, 40, 60, 80] });
  });

  it('gives an empty chart an axis up to the suppression limit', () => {
    expect(niceScale(0)).toEqual({ max: 10, ticks: [0, 5, 10] });
    expect(niceScale(Number.NaN).max).toBe(10);
  });

  it('never uses steps below one (counts are whole numbers)', () => {
    const scale = niceScale(3, 4, 3);
    expect(scale.ticks.every((tick) => Number.isInteger(tick))).toBe(true);
    expect(scale.max).toBeGreaterThanOrEqual(3);
  });
});

describe('position', () => {
  it('maps 0..max onto start..end and clamps', () => {
    expect(position(0, 40, 200, 0)).toBe(200);
    expect(position(40, 40, 200, 0)).toBe(0);
    expect(position(10, 40, 200, 0)).toBe(150);
    expect(position(80, 40, 0, 100)).toBe(100);
    expect(position(-5, 40, 0, 100)).toBe(0);
    expect(position(5, 0, 7, 100)).toBe(7);
  });
});

describe('largest', () => {
  it('ignores suppressed counts', () => {
    expect(largest([null, 12, 0], [40, null])).toBe(40);
    expect(largest([null, null])).toBe(0);
  });
});

describe('totalRange', () => {
  it('is exact without suppressed months', () => {
    expect(totalRange([10, 0, 25])).toEqual({ min: 35, max: 35, suppressed: 0 });
  });

  it('counts each suppressed month as 1 to 9', () => {
    expect(totalRange([10, null, 25, null])).toEqual({ min: 37, max: 53, suppressed: 2 });
    expect(totalRange([null])).toEqual({ min: 1, max: 9, suppressed: 1 });
  });
});

describe('segments', () => {
  it('breaks a line at suppressed months', () => {
    expect(segments([10, 12, null, 30, null, null, 0])).toEqual([
      [{ index: 0, value: 10 }, { index: 1, value: 12 }],
      [{ index: 3, value: 30 }],
      [{ index: 6, value: 0 }],
    ]);
    expect(segments([null])).toEqual([]);
  });
});
