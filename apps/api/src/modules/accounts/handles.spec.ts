import { describe, expect, it } from 'vitest';
import { handleFromName } from './handles.js';

describe('handleFromName', () => {
  it('makes a lower-case, accent-free, dashed handle', () => {
    expect(handleFromName('Ann', 'De Smet')).toBe('ann-de-smet');
    expect(handleFromName('Zoë', "D'Hondt")).toBe('zoe-d-hondt');
    expect(handleFromName('李', '!!')).toBe('lid');
  });
});
