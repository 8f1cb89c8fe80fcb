import { describe, expect, it } from 'vitest';
import { daysBetween } from './page-views.service.js';

describe('daysBetween', () => {
  it('lists every day of the range, across a month end', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysBetween('2026-05-05', '2026-05-05')).toEqual(['2026-05-05']);
  });
});
