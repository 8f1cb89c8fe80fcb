import type { AgeBand, FacetName, MediaKind, SearchSort } from '@lesplein/contracts/search';
import type { Licence, ResourceType } from '@lesplein/contracts/resource';

/**
 * The search page keeps its whole state in the URL (`/search?q=…&subject=…&sort=…`), so a
 * search can be shared and the back button works. This module converts both ways without zod,
 * so the header's search box stays light; the API validates what it receives.
 */
export interface SearchState {
  q: string;
  subject: string[];
  level: string[];
  type: ResourceType[];
  language: string[];
  licence: Licence[];
  age: AgeBand[];
  media: MediaKind[];
  sort: SearchSort | null;
}

/** The facets in the order the sidebar shows them; each facet's URL parameter has its name. */
export const FACETS: readonly FacetName[] = ['subject', 'level', 'type', 'age', 'media', 'language', 'licence'];

const SORTS: readonly SearchSort[] = ['relevance', 'newest', 'rating', 'views'];

export const emptySearch: SearchState = { q: '', subject: [], level: [], type: [], language: [], licence: [], age: [], media: [], sort: null };

export function readSearch(params: URLSearchParams): SearchState {
  const list = <T extends string>(name: FacetName) => [...new Set(params.getAll(name).filter(Boolean))] as T[];
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    subject: list('subject'),
    level: list('level'),
    type: list<ResourceType>('type'),
    language: list('language'),
    licence: list<Licence>('licence'),
    age: list<AgeBand>('age'),
    media: list<MediaKind>('media'),
    sort: SORTS.includes(sort as SearchSort) ? (sort as SearchSort) : null,
  };
}

/** Query string of a search state; empty parts are left out, so URLs stay short and stable. */
export function writeSearch(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const facet of FACETS) for (const value of state[facet]) params.append(facet, value);
  if (state.sort) params.set('sort', state.sort);
  return params;
}

export function searchPath(state: Partial<SearchState>): string {
  const query = writeSearch({ ...emptySearch, ...state }).toString();
  return query ? `/search?${query}` : '/search';
}

/** Adds or removes one facet value. */
export function toggleFacet(state: SearchState, facet: FacetName, value: string): SearchState {
  const current = state[facet] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, [facet]: next };
}

export function activeFilters(state: SearchState): { facet: FacetName; value: string }[] {
  return FACETS.flatMap((facet) => (state[facet] as string[]).map((value) => ({ facet, value })));
}

export function hasCriteria(state: SearchState): boolean {
  return state.q.trim() !== '' || activeFilters(state).length > 0;
}

/** The API's query string for a state plus a page cursor. */
export function apiSearchQuery(state: SearchState, cursor?: string, limit = 20): string {
  const params = writeSearch(state);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(limit));
  return params.toString();
}
