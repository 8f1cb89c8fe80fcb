import type { FacetName, FacetValue, Highlight, SearchFilters, SearchSort, Suggestion } from '@lesplein/contracts/search';

/**
 * What a search engine knows of one published resource, built from the database by the indexer
 * (indexing/search-documents.repository.ts). Only published resources become documents.
 */
export interface SearchDocument {
  id: string;
  title: string;
  /** Plain text (Markdown stripped). */
  description: string;
  keywords: string[];
  /** Null when the author deleted their account. */
  authorId: string | null;
  authorName: string | null;
  subjects: string[];
  subjectLabels: string[];
  levels: string[];
  levelLabels: string[];
  type: string;
  language: string;
  licence: string;
  ageMin: number | null;
  ageMax: number | null;
  hasFile: boolean;
  hasLink: boolean;
  publishedAt: Date;
  ratingAverage: number | null;
  ratingCount: number;
  viewCount: number;
  favouriteCount: number;
}

export interface EngineQuery {
  filters: SearchFilters;
  sort: SearchSort;
  /** Opaque, from a previous result of the same engine; a bad one is a 400 (ValidationFailed on `cursor`). */
  cursor?: string;
  limit: number;
}

export interface EngineHit {
  id: string;
  highlight: { title: Highlight; description: Highlight };
}

export interface EngineResult {
  hits: EngineHit[];
  nextCursor: string | null;
  total: number;
  /** Every facet, each counted ignoring its own filter. */
  facets: Record<FacetName, FacetValue[]>;
  /** Total and facet counts are estimates (counted over a sample of a large result). */
  estimated: boolean;
  /** The corrected query whose results these are, when the query as typed found nothing. */
  didYouMean: string | null;
}

/**
 * The search engine port. Adapters: PostgreSQL full-text search (default) and Meilisearch (when
 * MEILI_URL is set). Both pass one contract test suite (test/search/engine-contract.ts).
 * Writes are idempotent: upserting a document twice or removing an absent one is harmless.
 */
export interface SearchEngine {
  readonly name: 'postgres' | 'meilisearch';
  /** Applies index settings (searchable, filterable, sortable attributes, synonyms…); called at start and after synonyms change. */
  applySettings(): Promise<void>;
  search(query: EngineQuery): Promise<EngineResult>;
  /** Completions for what a member is typing: terms and resource titles. */
  suggest(prefix: string, limit: number): Promise<Suggestion[]>;
  /**
   * `rebuilding`: the documents are part of a full reindex (between startReindex and
   * finishReindex), so data derived from all documents (a vocabulary) may wait for finishReindex.
   */
  upsert(documents: SearchDocument[], options?: { rebuilding?: boolean }): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** Marks the start of a full reindex, on the engine's own clock. */
  startReindex(): Promise<Date>;
  /** After a full reindex re-sent every current document: drops those not re-sent since `startedAt`, rebuilds derived data. */
  finishReindex(startedAt: Date): Promise<void>;
}

export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');

export const FACET_NAMES: readonly FacetName[] = ['subject', 'level', 'type', 'language', 'licence', 'age', 'media'];

/**
 * How many matches are ranked by relevance (best first by a cheap pre-rank); see
 * docs/adr/0007-search-engines.md. ts_rank_cd reads each candidate's whole tsvector, stored out of
 * line: on a cold cache a few page reads per candidate.
 */
export const RELEVANCE_CANDIDATES = 100;

/** Sort when the query does not say: relevance with text, newest without. */
export function effectiveSort(q: string, sort: SearchSort | undefined): SearchSort {
  return sort ?? (q.trim() ? 'relevance' : 'newest');
}
