import { SearchFilters } from '@lesplein/contracts/search';
import { describe, expect, it } from 'vitest';
import { ageBandsOf, filterFor } from './meilisearch-search.engine.js';
import { meilisearchSettings, synonymMap } from './meilisearch-settings.js';

describe('Meilisearch adapter (without a server)', () => {
  it('builds filters from validated values, quoted, one facet left out on request', () => {
    const filters = SearchFilters.parse({ subject: ['wiskunde', 'frans'], type: 'video', age: ['0-5'] });
    expect(filterFor(filters, null)).toEqual(['subjects IN ["wiskunde", "frans"]', 'type IN ["video"]', 'ageBands IN ["0-5"]']);
    expect(filterFor(filters, 'subject')).toEqual(['type IN ["video"]', 'ageBands IN ["0-5"]']);
    // Even a value that slipped past validation stays one quoted string.
    expect(filterFor({ ...filters, subject: ['x" OR type = "video'], type: [], age: [] }, null)).toEqual(['subjects IN ["x\\" OR type = \\"video"]']);
  });

  it('puts a resource in every age band its range overlaps, like the SQL', () => {
    expect(ageBandsOf(9, 10)).toEqual(['9-11']);
    expect(ageBandsOf(14, 16)).toEqual(['12-14', '15-18']);
    expect(ageBandsOf(null, 4)).toEqual(['0-5']);
    expect(ageBandsOf(null, null)).toEqual([]);
  });

  it('keeps settings in code: searchable order, synonyms both ways, typo tolerance', () => {
    const settings = meilisearchSettings([['wisk', 'wiskunde'], ['lo', 'lichamelijke opvoeding', 'gym']]);
    expect(settings.searchableAttributes).toEqual(['title', 'keywords', 'authorName', 'subjectLabels', 'levelLabels', 'description']);
    expect(settings.synonyms).toEqual(synonymMap([['wisk', 'wiskunde'], ['lo', 'lichamelijke opvoeding', 'gym']]));
    expect(synonymMap([['wisk', 'Wiskunde']])).toEqual({ wisk: ['wiskunde'], wiskunde: ['wisk'] });
    expect(settings.typoTolerance?.minWordSizeForTypos).toEqual({ oneTypo: 4, twoTypos: 8 });
  });
});
