import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('CSV export', () => {
  it('quotes separators, quotes and line breaks, joins arrays and leaves empty cells for null', () => {
    expect(toCsv(['a', 'b', 'c'], [{ a: 'x,y', b: 'zeg "hallo"\nregel', c: null }, { a: ['één', 'twee'], b: 3, c: undefined }])).toBe('a,b,c\r\n"x,y","zeg ""hallo""\nregel",\r\néén; twee,3,\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv(['a'], [{ a: '=HYPERLINK("x")' }, { a: '+1' }, { a: '-2' }, { a: '@SUM(A1)' }, { a: 'gewoon' }])).toBe(`a\r\n"'=HYPERLINK(""x"")"\r\n'+1\r\n'-2\r\n'@SUM(A1)\r\ngewoon\r\n`);
  });
});
