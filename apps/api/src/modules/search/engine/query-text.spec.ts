import { describe, expect, it } from 'vitest';
import { correctableWords, hasSearchableText, normaliseTerm, replaceWords, synonymVariants, tokenize } from './query-text.js';

const GROUPS = [['wisk', 'wiskunde'], ['lo', 'lichamelijke opvoeding', 'gym'], ['wo', 'wereldoriëntatie', 'wereldorientatie']];

describe('query text', () => {
  it('tokenizes web-search syntax', () => {
    expect(tokenize('breuken -gym "lager onderwijs" or "open')).toEqual([
      { text: 'breuken', phrase: false, negated: false, or: false },
      { text: 'gym', phrase: false, negated: true, or: false },
      { text: 'lager onderwijs', phrase: true, negated: false, or: false },
      { text: 'or', phrase: false, negated: false, or: true },
      { text: 'open', phrase: true, negated: false, or: false },
    ]);
  });

  it('normalises accents, case and spaces', () => {
    expect(normaliseTerm('  Wereldoriëntatie  Één ')).toBe('wereldorientatie een');
    expect(hasSearchableText('&|!():* "')).toBe(false);
    expect(hasSearchableText('é')).toBe(true);
  });

  it('adds synonym variants for words, phrases and word sequences, leaving excluded words alone', () => {
    expect(synonymVariants('wisk breuken', GROUPS)).toEqual(['wisk breuken', 'wiskunde breuken']);
    expect(synonymVariants('Lichamelijke opvoeding spel', GROUPS)).toEqual(['Lichamelijke opvoeding spel', 'lo spel', 'gym spel']);
    expect(synonymVariants('"wereldoriëntatie"', GROUPS)).toEqual(['"wereldoriëntatie"', 'wo']); // accented and plain spellings are one term
    expect(synonymVariants('breuken -wisk', GROUPS)).toEqual(['breuken -wisk']);
    expect(synonymVariants('wisk lo', GROUPS, 4)).toHaveLength(4);
  });

  it('finds and replaces correctable words', () => {
    expect(correctableWords('Wiskunfe "vier seizoenen" -gym or abc a1b2')).toEqual(['wiskunfe', 'a1b2']);
    expect(replaceWords('Wiskunfe "breuken" -gym', new Map([['wiskunfe', 'wiskunde']]))).toBe('wiskunde "breuken" -gym');
  });
});
