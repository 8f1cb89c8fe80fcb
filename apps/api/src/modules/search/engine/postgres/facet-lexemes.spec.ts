import { describe, expect, it } from 'vitest';
import { allFilters, both, countedByFacets, sampleMarker, type FacetSelection } from './facet-lexemes.js';

const none: FacetSelection = { subject: [], level: [], type: [], language: [], licence: [], age: [], media: [] };

describe('facet lexemes as tsquery text', () => {
  it('has no condition without filters, and counts every match with one filter', () => {
    expect(allFilters(none)).toBeNull();
    expect(countedByFacets(none)).toBeNull();
    const one = { ...none, subject: ['wiskunde', 'talen'] };
    expect(allFilters(one)).toBe("('s:wiskunde' | 's:talen')");
    expect(countedByFacets(one)).toBeNull();
  });

  it('ANDs facets, ORs values within a facet, and counts rows failing at most one filter', () => {
    const three = { ...none, type: ['worksheet'], age: ['6-8', '9-11'], media: ['file'] };
    expect(allFilters(three)).toBe("('t:worksheet' & ('a:6-8' | 'a:9-11') & 'm:file')");
    expect(countedByFacets(three)).toBe("((('a:6-8' | 'a:9-11') & 'm:file') | ('t:worksheet' & 'm:file') | ('t:worksheet' & ('a:6-8' | 'a:9-11')))");
  });

  it('quotes values so that no value can change the query', () => {
    expect(allFilters({ ...none, subject: ["o'brien\\ | !x"] })).toBe("'s:o''brien\\\\ | !x'");
  });

  it('names sample markers one to ten deep and combines conditions', () => {
    expect(sampleMarker(3)).toBe("'z3'");
    expect(() => sampleMarker(0)).toThrow(RangeError);
    expect(() => sampleMarker(11)).toThrow(RangeError);
    expect(both(null, "'z3'")).toBe("'z3'");
    expect(both("'t:video'", null)).toBe("'t:video'");
    expect(both("'t:video'", "'z3'")).toBe("'t:video' & 'z3'");
    expect(both(null, null)).toBeNull();
  });
});
