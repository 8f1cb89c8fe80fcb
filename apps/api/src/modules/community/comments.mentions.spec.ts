import { describe, expect, it } from 'vitest';
import { MAX_MENTIONS, parseMentions } from './comments.mentions.js';

describe('parseMentions', () => {
  it('finds @handles in order, once each, lowercased', () => {
    expect(parseMentions('Dank je @an-peeters! Zie ook @Jan-De-Smet en nog eens @an-peeters.')).toEqual(['an-peeters', 'jan-de-smet']);
  });

  it('takes handles at the start of lines, after punctuation and in emphasis', () => {
    expect(parseMentions('@lies\n(@tom) **@ward**, _@els_')).toEqual(['lies', 'tom', 'ward', 'els']);
  });

  it('drops a trailing hyphen and ignores e-mail addresses, paths and doubled @', () => {
    expect(parseMentions('@kim- mail an@example.org, zie https://example.org/@bart of @@nope')).toEqual(['kim']);
  });

  it('ignores mentions in inline code and fenced code blocks', () => {
    expect(parseMentions('Schrijf `@niet` zo:\n\n```\n@ook-niet\n```\n\n~~~js\n@evenmin\n~~~\nmaar @wel')).toEqual(['wel']);
  });

  it(`keeps at most ${MAX_MENTIONS} distinct handles`, () => {
    const many = Array.from({ length: 30 }, (_, i) => `@lid-${i}`).join(' ');
    expect(parseMentions(many)).toHaveLength(MAX_MENTIONS);
  });

  it('finds nothing in plain text', () => {
    expect(parseMentions('Geen vermeldingen hier.')).toEqual([]);
  });
});
