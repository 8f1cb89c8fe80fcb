import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromDateTimeLocal, toDateTimeLocal } from './datetime-local';

describe('datetime-local values', () => {
  const original = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'Europe/Brussels';
  });
  afterEach(() => {
    process.env.TZ = original;
  });

  it('shows an ISO timestamp in local time', () => {
    expect(toDateTimeLocal('2026-03-15T09:05:00.000Z')).toBe('2026-03-15T10:05');
    expect(toDateTimeLocal('2026-07-01T22:30:00Z')).toBe('2026-07-02T00:30');
  });

  it('shows nothing for no value or an invalid one', () => {
    expect(toDateTimeLocal(null)).toBe('');
    expect(toDateTimeLocal('')).toBe('');
    expect(toDateTimeLocal('not a date')).toBe('');
  });

  it('turns local time into an ISO timestamp in UTC', () => {
    expect(fromDateTimeLocal('2026-03-15T10:05')).toBe('2026-03-15T09:05:00.000Z');
    expect(fromDateTimeLocal('2026-07-02T00:30:15')).toBe('2026-07-01T22:30:15.000Z');
  });

  it('round-trips', () => {
    expect(fromDateTimeLocal(toDateTimeLocal('2026-10-26T01:30:00.000Z'))).toBe('2026-10-26T01:30:00.000Z');
    expect(fromDateTimeLocal(toDateTimeLocal('2026-06-30T23:59:00.000Z'))).toBe('2026-06-30T23:59:00.000Z');
  });

  it('gives null for an empty field and keeps nonsense for the contract to refuse', () => {
    expect(fromDateTimeLocal('  ')).toBeNull();
    expect(fromDateTimeLocal('2026-02-30T10:00')).toBe('2026-02-30T10:00');
    expect(fromDateTimeLocal('tomorrow')).toBe('tomorrow');
  });
});
