import { describe, expect, it } from 'vitest';
import { attributionLine } from './attribution.js';

describe('attributionLine', () => {
  it('names title, author, source and licence', () => {
    expect(attributionLine({ title: 'Breuken oefenen', authorName: 'An Peeters', licence: 'CC-BY-SA', url: 'https://lesplein.test/resources/1' })).toBe(
      '„Breuken oefenen” door An Peeters, via Lesplein (https://lesplein.test/resources/1), CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)',
    );
  });

  it('works without an author (deleted account) and for all rights reserved', () => {
    expect(attributionLine({ title: 'T', authorName: null, licence: 'all-rights-reserved', url: 'u' })).toBe('„T”, via Lesplein (u), Alle rechten voorbehouden / All rights reserved');
  });
});
