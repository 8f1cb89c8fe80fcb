import { describe, expect, it } from 'vitest';
import { addKeywords, MAX_KEYWORDS } from './keyword-input';

describe('addKeywords', () => {
  it('splits a comma list, trims and skips duplicates regardless of case', () => {
    expect(addKeywords(['breuken'], ' Breuken, delen ,  ,optellen  en aftrekken').keywords).toEqual(['breuken', 'delen', 'optellen en aftrekken']);
  });

  it('keeps keywords that are too long apart', () => {
    const long = 'x'.repeat(41);
    expect(addKeywords([], `kort, ${long}`)).toEqual({ keywords: ['kort'], tooLong: [long], overLimit: false });
  });

  it('stops at the maximum', () => {
    const full = Array.from({ length: MAX_KEYWORDS }, (_, i) => `k${i}`);
    expect(addKeywords(full, 'nog een')).toEqual({ keywords: full, tooLong: [], overLimit: true });
  });
});
