import { describe, expect, it } from 'vitest';
import { MARK_END, MARK_START, plainSnippet, stripMarks, toSegments } from './highlight.js';

describe('highlight segments', () => {
  it('splits sentinel-marked text into inert segments', () => {
    expect(toSegments(`De ${MARK_START}breuken${MARK_END} en ${MARK_START}Breuk${MARK_END}${MARK_START}en${MARK_END} <b>x</b>`)).toEqual([
      { text: 'De ', match: false },
      { text: 'breuken', match: true },
      { text: ' en ', match: false },
      { text: 'Breuken', match: true },
      { text: ' <b>x</b>', match: false },
    ]);
    expect(stripMarks(`a${MARK_START}b${MARK_END}`)).toBe('ab');
  });

  it('cuts long plain text at a word', () => {
    expect(plainSnippet('kort')).toEqual([{ text: 'kort', match: false }]);
    expect(plainSnippet('een twee drie vier', 10)).toEqual([{ text: 'een twee …', match: false }]);
    expect(plainSnippet('')).toEqual([]);
  });
});
