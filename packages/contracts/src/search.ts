import { z } from 'zod';
import { Licence, ResourceSummary, ResourceType } from './resource.js';
import { TaxonomyKey } from './taxonomy.js';

/**
 * Search over published, visible resources. One query shape serves the search page (state in the
 * URL), saved searches and the engines; facets and filters share their names.
 */

/** Age bands a resource's age range is counted in (a resource counts in every band it overlaps). */
export const AgeBand = z.enum(['0-5', '6-8', '9-11', '12-14', '15-18', '18+']);
export type AgeBand = z.infer<typeof AgeBand>;

/** Inclusive age limits of each band, for filters and facet counts. */
export const AGE_BANDS: Record<AgeBand, { min: number; max: number }> = {
  '0-5': { min: 0, max: 5 },
  '6-8': { min: 6, max: 8 },
  '9-11': { min: 9, max: 11 },
  '12-14': { min: 12, max: 14 },
  '15-18': { min: 15, max: 18 },
  '18+': { min: 19, max: 99 },
};

/** Whether the resource carries files or is a web link. */
export const MediaKind = z.enum(['file', 'link']);
export type MediaKind = z.infer<typeof MediaKind>;

export const SearchSort = z.enum(['relevance', 'newest', 'rating', 'views']);
export type SearchSort = z.infer<typeof SearchSort>;

export const FacetName = z.enum(['subject', 'level', 'type', 'language', 'licence', 'age', 'media']);
export type FacetName = z.infer<typeof FacetName>;

/** A query-string list: `?subject=a&subject=b` (or one value) becomes an array. */
function listOf<T extends z.ZodType>(item: T, max = 20) {
  return z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item).max(max));
}

/** What a search asks for, without paging: the part a saved search keeps. */
export const SearchFilters = z.strictObject({
  /** Free text in web-search syntax: words, "a phrase", -excluded, or. Empty lists everything. */
  q: z.string().trim().max(200).default(''),
  subject: listOf(TaxonomyKey),
  level: listOf(TaxonomyKey),
  type: listOf(ResourceType),
  language: listOf(z.string().regex(/^[a-z]{2}$/, { message: 'Taalcode van twee letters / Two-letter language code' })),
  licence: listOf(Licence),
  age: listOf(AgeBand),
  media: listOf(MediaKind, 2),
});
export type SearchFilters = z.infer<typeof SearchFilters>;
export type SearchFiltersInput = z.input<typeof SearchFilters>;

/** `GET /api/search`: filters, sort and a cursor. */
export const SearchQuery = SearchFilters.extend({
  /** Default: relevance with text, newest without. */
  sort: SearchSort.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/**
 * A highlighted text as segments, `match` marking the words that matched. Segments rather than
 * HTML, so a client cannot render a resource's text as markup by accident.
 */
export const Highlight = z.array(z.object({ text: z.string(), match: z.boolean() }));
export type Highlight = z.infer<typeof Highlight>;

export const SearchHit = ResourceSummary.extend({
  highlight: z.object({ title: Highlight, description: Highlight }),
  keywords: z.array(z.string()),
  ageMin: z.number().int().nullable(),
  ageMax: z.number().int().nullable(),
  hasFile: z.boolean(),
  hasLink: z.boolean(),
  favouriteCount: z.number().int(),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const FacetValue = z.object({ value: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof FacetValue>;

export const SearchResult = z.object({
  items: z.array(SearchHit),
  nextCursor: z.string().nullable(),
  /** Number of matching resources (all pages). */
  total: z.number().int(),
  /** Counts per facet value for the current query, each facet ignoring its own filter. */
  facets: z.record(FacetName, z.array(FacetValue)),
  /**
   * The total and the facet counts are estimates: a very large result is counted over a sample
   * of its matches (show them as approximate, e.g. "about 12,000"). The items always match; for
   * relevance over a very large result they are the best ranked of that sample.
   */
  estimated: z.boolean(),
  /** A corrected query when nothing (or very little) matched, e.g. "wiskunde" for "wiskunfe". */
  didYouMean: z.string().nullable(),
  sort: SearchSort,
});
export type SearchResult = z.infer<typeof SearchResult>;

/** `GET /api/search/suggest?q=`: completions as the member types. */
export const SuggestQuery = z.strictObject({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(10).default(8) });
export type SuggestQuery = z.infer<typeof SuggestQuery>;

export const Suggestion = z.object({
  text: z.string(),
  /** A resource title leads to that resource; a term is searched for. */
  kind: z.enum(['resource', 'term']),
  resourceId: z.uuid().nullable(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestResult = z.object({ suggestions: z.array(Suggestion) });
export type SuggestResult = z.infer<typeof SuggestResult>;

/* ---- The member's search history ---- */

export const SearchHistoryEntry = z.object({
  id: z.uuid(),
  filters: SearchFilters,
  resultCount: z.number().int(),
  searchedAt: z.iso.datetime(),
});
export type SearchHistoryEntry = z.infer<typeof SearchHistoryEntry>;

export const SearchHistoryIdParam = z.strictObject({ id: z.uuid({ message: 'Onbekende zoekopdracht / Unknown search' }) });

export const SearchHistoryPage = z.object({ items: z.array(SearchHistoryEntry), nextCursor: z.string().nullable() });
export type SearchHistoryPage = z.infer<typeof SearchHistoryPage>;

export const SearchHistorySettings = z.strictObject({ paused: z.boolean() });
export type SearchHistorySettings = z.infer<typeof SearchHistorySettings>;

export const SearchHistoryCleared = z.object({ deleted: z.number().int() });
export type SearchHistoryCleared = z.infer<typeof SearchHistoryCleared>;

/* ---- Saved searches with alerts ---- */

export const SavedSearchRequest = z.strictObject({
  name: z.string().trim().min(1).max(100),
  filters: SearchFilters,
  /** Notify me (through my notification settings) when new resources match. */
  alert: z.boolean().default(true),
});
export type SavedSearchRequest = z.input<typeof SavedSearchRequest>;

export const UpdateSavedSearchRequest = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  filters: SearchFilters.optional(),
  alert: z.boolean().optional(),
});
export type UpdateSavedSearchRequest = z.input<typeof UpdateSavedSearchRequest>;

export const SavedSearch = z.object({
  id: z.uuid(),
  name: z.string(),
  filters: SearchFilters,
  alert: z.boolean(),
  /** New matches since the last alert (or since saving). */
  lastAlertedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

export const SavedSearchList = z.object({ items: z.array(SavedSearch) });
export type SavedSearchList = z.infer<typeof SavedSearchList>;

export const SavedSearchIdParam = z.strictObject({ id: z.uuid({ message: 'Onbekende bewaarde zoekopdracht / Unknown saved search' }) });

/* ---- Aggregated figures for admins ---- */

export const SearchStatsQuery = z.strictObject({
  /** Inclusive days (UTC), default: the last 30 days. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type SearchStatsQuery = z.infer<typeof SearchStatsQuery>;

export const QueryCount = z.object({ query: z.string(), count: z.number().int() });

export const SearchStats = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  totalSearches: z.number().int(),
  zeroResultSearches: z.number().int(),
  /** Queries searched at least `minimumCount` times; rarer ones are left out to protect who typed them. */
  topQueries: z.array(QueryCount),
  zeroResultQueries: z.array(QueryCount),
  minimumCount: z.number().int(),
});
export type SearchStats = z.infer<typeof SearchStats>;
