import { describe, expect, it } from 'vitest';
import { textLines } from './text-lines';

describe('textLines', () => {
  it('splits on new lines, trims, and drops empty lines and repeats', () => {
    expect(textLines(' https://a.example/cb \r\n\n https://a.example/other\nhttps://a.example/cb\n  ')).toEqual(['https://a.example/cb', 'https://a.example/other']);
  });

  it('gives an empty list for blank text', () => {
    expect(textLines('')).toEqual([]);
    expect(textLines(' \n \n')).toEqual([]);
  });
});
