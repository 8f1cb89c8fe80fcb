import { describe, expect, it } from 'vitest';
import { formatFileSize, languageName } from './format';

describe('formatFileSize', () => {
  it('uses steps of 1024 with one decimal below ten', () => {
    expect(formatFileSize(0, 'en')).toBe('0 B');
    expect(formatFileSize(840, 'en')).toBe('840 B');
    expect(formatFileSize(1_024, 'en')).toBe('1 kB');
    expect(formatFileSize(1_300_000, 'en')).toBe('1.2 MB');
    expect(formatFileSize(12_345_678, 'en')).toBe('12 MB');
    expect(formatFileSize(104_857_600, 'en')).toBe('100 MB');
    expect(formatFileSize(2_147_483_648, 'en')).toBe('2 GB');
  });

  it('writes the decimal comma in Dutch', () => {
    expect(formatFileSize(1_363_149, 'nl')).toBe('1,3 MB');
  });

  it('moves up a unit instead of showing 1024', () => {
    expect(formatFileSize(1_048_500, 'en')).toBe('1 MB');
    expect(formatFileSize(1_048_000, 'nl')).toBe('1023 kB');
    expect(formatFileSize(1_022 * 1_024, 'en')).toBe('1022 kB');
  });

  it('shows nothing for impossible sizes', () => {
    expect(formatFileSize(-1, 'nl')).toBe('');
    expect(formatFileSize(Number.NaN, 'nl')).toBe('');
  });
});

describe('languageName', () => {
  it('names languages in the interface language', () => {
    expect(languageName('fr', 'nl').toLowerCase()).toBe('frans');
    expect(languageName('fr', 'en')).toBe('French');
  });

  it('falls back to the code', () => {
    expect(languageName('qq', 'nl')).toBe('qq');
  });
});
