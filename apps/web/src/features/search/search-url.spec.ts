import { describe, expect, it } from 'vitest';
import { activeFilters, apiSearchQuery, emptySearch, hasCriteria, readSearch, searchPath, toggleFacet, writeSearch } from './search-url';

describe('search state in the URL', () => {
  it('reads repeated parameters as lists and ignores an unknown sort', () => {
    const state = readSearch(new URLSearchParams('q=breuken&subject=wiskunde&subject=wiskunde&level=lager-3&sort=bogus'));
    expect(state).toEqual({ ...emptySearch, q: 'breuken', subject: ['wiskunde'], level: ['lager-3'], sort: null });
  });

  it('writes what it reads, leaving empty parts out', () => {
    const params = 'q=tafels&subject=wiskunde&type=worksheet&age=6-8&media=file&sort=newest';
    expect(writeSearch(readSearch(new URLSearchParams(params))).toString()).toBe(params);
    expect(searchPath({})).toBe('/search');
    expect(searchPath({ q: '  ' })).toBe('/search');
  });

  it('toggles a facet value on and off', () => {
    const on = toggleFacet(emptySearch, 'level', 'lager-1');
    expect(on.level).toEqual(['lager-1']);
    expect(activeFilters(on)).toEqual([{ facet: 'level', value: 'lager-1' }]);
    expect(toggleFacet(on, 'level', 'lager-1').level).toEqual([]);
  });

  it('knows whether anything was asked and builds the API query with cursor and limit', () => {
    expect(hasCriteria(emptySearch)).toBe(false);
    expect(hasCriteria({ ...emptySearch, media: ['link'] })).toBe(true);
    expect(apiSearchQuery({ ...emptySearch, q: 'a b' }, 'c1', 10)).toBe('q=a+b&cursor=c1&limit=10');
  });
});
