import { SearchFilters } from '@lesplein/contracts/search';
import { describe, expect, it } from 'vitest';
import { canonicalFilters, filtersKey, isEmptySearch, normaliseQuery, searchPagePath, storedFilters } from './search-filters.js';

const filters = (input: Record<string, unknown>) => SearchFilters.parse(input);

describe('search filters', () => {
  it('puts filters in one canonical form, so the same search compares equal', () => {
    const a = filters({ q: ' breuken ', subject: ['wiskunde', 'frans', 'wiskunde'], age: ['9-11', '6-8'] });
    expect(canonicalFilters(a)).toEqual({ q: 'breuken', subject: ['frans', 'wiskunde'], level: [], type: [], language: [], licence: [], age: ['6-8', '9-11'], media: [] });
    expect(filtersKey(a)).toBe(filtersKey(filters({ q: 'Breuken', subject: ['frans', 'wiskunde'], age: ['6-8', '9-11'] })));
    expect(filtersKey(a)).not.toBe(filtersKey(filters({ q: 'breuken', subject: ['frans'] })));
  });

  it('normalises query text for the anonymous figures', () => {
    expect(normaliseQuery('  Fotosynthese\t\n PLANTEN  ')).toBe('fotosynthese planten');
    expect(normaliseQuery('x'.repeat(300))).toHaveLength(200);
  });

  it('knows the empty search', () => {
    expect(isEmptySearch(filters({ q: '  ' }))).toBe(true);
    expect(isEmptySearch(filters({ media: ['file'] }))).toBe(false);
  });

  it('reads stored JSON back through the contract, and anything unreadable as no filters', () => {
    expect(storedFilters({ q: 'tijdlijn', type: ['video'] })).toMatchObject({ q: 'tijdlijn', type: ['video'], subject: [] });
    expect(storedFilters({ type: ['not-a-type'] })).toEqual(filters({}));
    expect(storedFilters(null)).toEqual(filters({}));
  });

  it('builds the web search page URL the way the page reads it', () => {
    expect(searchPagePath(filters({ q: 'breuken & procenten', subject: ['wiskunde'], level: ['lager-4', 'lager-5'] }), 'newest')).toBe(
      '/search?q=breuken+%26+procenten&subject=wiskunde&level=lager-4&level=lager-5&sort=newest',
    );
    expect(searchPagePath(filters({}))).toBe('/search');
  });
});
