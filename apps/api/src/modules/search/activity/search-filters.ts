import { SearchFilters } from '@lesplein/contracts/search';

const LISTS = ['subject', 'level', 'type', 'language', 'licence', 'age', 'media'] as const;

/**
 * Filters in one canonical form: query text trimmed, each list without duplicates and sorted.
 * Stored with saved searches and history entries, and compared to collapse repeats.
 */
export function canonicalFilters(filters: SearchFilters): SearchFilters {
  const list = <T extends string>(values: readonly T[]): T[] => [...new Set(values)].sort();
  return {
    q: filters.q.trim(),
    subject: list(filters.subject),
    level: list(filters.level),
    type: list(filters.type),
    language: list(filters.language),
    licence: list(filters.licence),
    age: list(filters.age),
    media: list(filters.media),
  };
}

/** Stored filters (JSON) read back through the contract; anything unreadable becomes "everything". */
export function storedFilters(value: unknown): SearchFilters {
  const parsed = SearchFilters.safeParse(value);
  return parsed.success ? canonicalFilters(parsed.data) : SearchFilters.parse({});
}

/** A stable text of the filters, for comparing two searches. */
export function filtersKey(filters: SearchFilters): string {
  const canonical = canonicalFilters(filters);
  return JSON.stringify([normaliseQuery(canonical.q), ...LISTS.map((name) => canonical[name])]);
}

/** No query text and no filter: the "list everything" search. */
export function isEmptySearch(filters: SearchFilters): boolean {
  return filters.q.trim() === '' && LISTS.every((name) => filters[name].length === 0);
}

/** Query text for the anonymous figures: lower-case, trimmed, whitespace collapsed. */
export function normaliseQuery(q: string): string {
  return q.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200);
}

/**
 * The web search page's URL for these filters (`/search?q=…&subject=…`, the page keeps its
 * whole state in the URL), optionally with a sort.
 */
export function searchPagePath(filters: SearchFilters, sort?: 'newest'): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  for (const name of LISTS) for (const value of filters[name]) params.append(name, value);
  if (sort) params.set('sort', sort);
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}
