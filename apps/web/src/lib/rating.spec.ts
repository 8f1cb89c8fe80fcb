import { describe, expect, it } from 'vitest';
import { formatAverage } from './rating';

describe('formatAverage', () => {
  it('shows at most one decimal in the reader’s language', () => {
    expect(formatAverage(4.25, 'nl')).toBe('4,3');
    expect(formatAverage(4.25, 'en')).toBe('4.3');
    expect(formatAverage(3, 'nl')).toBe('3');
  });
});
