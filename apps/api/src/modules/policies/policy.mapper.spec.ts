import { describe, expect, it } from 'vitest';
import { demoteHeadings } from './policy.mapper.js';

describe('demoteHeadings', () => {
  it('moves every heading two levels down, at most to h6, and leaves the rest alone', () => {
    expect(demoteHeadings('<h1>A</h1><p>x</p><h2>B</h2><h4>C</h4><h5>D</h5><h6>E</h6>')).toBe('<h3>A</h3><p>x</p><h4>B</h4><h6>C</h6><h6>D</h6><h6>E</h6>');
  });
});
