import { AGE_BANDS, type SearchSort, type Suggestion } from '@lesplein/contracts/search';
import { z } from 'zod';
import { facetRecord } from '../facets.js';
import { plainSnippet, toSegments } from '../highlight.js';
import { correctableWords, hasSearchableText, normaliseTerm, replaceWords, synonymVariants } from '../query-text.js';
import { decodeSearchCursor, encodeSearchCursor } from '../search-cursor.js';
import { RELEVANCE_CANDIDATES, type EngineQuery, type EngineResult, type SearchDocument, type SearchEngine } from '../search-engine.js';
import type { CachedSynonyms } from '../synonyms.js';
import { allFilters, both, countedByFacets, MAX_SAMPLE_DEPTH, sampleMarker } from './facet-lexemes.js';
import type { PostgresSearchRepository, SqlFilters, SqlKeyset, SqlSearch } from './postgres-search.repository.js';

const Cursor = z.strictObject({ e: z.literal('pg'), s: z.enum(['relevance', 'newest', 'rating', 'views']), k1: z.number(), k2: z.number(), id: z.uuid() });

/** Least trigram similarity for a typo correction ("wiskunfe" → "wiskunde" is 0.5). */
const CORRECTION_SIMILARITY = 0.4;

/**
 * Up to about this many matches, totals and facet counts are exact; beyond it they are counted
 * over a sample of the matches of about this size and scaled up (the result says `estimated`),
 * so that a very common word or a broad filter costs about as much as a medium one. A sample of
 * 500 to 1,000 rows puts a total within about 3 to 5 per cent (its rows are read one by one, at
 * random places in the table, so their number is most of the cost of a search on a cold cache).
 */
export const EXACT_COUNT_LIMIT = 1000;

/** A word no document holds: PostgreSQL's estimate for it is its guess for any unlisted word. */
const UNSEEN_WORD = 'qxjzvwkq';
/** How far above that guess a query's estimate must be to be taken as it is. */
const RARE_MARGIN = 1.5;
/** About how many matches the sample that checks such a query reads. */
const SAMPLE_CHECK_ROWS = 64;

/** How long the table size (below exactCountLimit nothing is estimated) is reused. */
const TABLE_SIZE_TTL_MS = 60_000;

export interface PostgresSearchOptions {
  /** See EXACT_COUNT_LIMIT (tests set a small one to exercise sampling on a small corpus). */
  exactCountLimit?: number;
}

/**
 * PostgreSQL full-text search (the default engine, no extra service). Documents live in the
 * SearchDocument table with a generated tsvector; queries go through websearch_to_tsquery with
 * synonym variants OR-ed in; when nothing matches, unknown words are corrected against the
 * indexed vocabulary by trigram similarity and the corrected query is searched instead (its text
 * is returned as didYouMean). Every query also requires the live resource to be published.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;

  private readonly exactCountLimit: number;
  private tableSize: { documents: number; at: number } | null = null;

  constructor(
    private readonly sql: PostgresSearchRepository,
    private readonly synonyms: CachedSynonyms,
    options: PostgresSearchOptions = {},
  ) {
    this.exactCountLimit = options.exactCountLimit ?? EXACT_COUNT_LIMIT;
  }

  async applySettings(): Promise<void> {
    // Settings live in the schema (migration); synonyms are read from their table per query.
    this.synonyms.invalidate();
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    const after = query.cursor ? this.readCursor(query.cursor, query.sort) : null;
    const q = query.filters.q;
    if (!hasSearchableText(q)) return this.run([], query, after, null);
    const groups = await this.synonyms.groups();
    const result = await this.run(synonymVariants(q, groups), query, after, null);
    if (result.total > 0) return result;
    const words = correctableWords(q);
    const known = await this.sql.knownTerms(words);
    const corrections = await this.sql.closestTerms(words.filter((word) => !known.has(word)), CORRECTION_SIMILARITY);
    if (corrections.size === 0) return result;
    const corrected = replaceWords(q, corrections);
    const retry = await this.run(synonymVariants(corrected, groups), query, after, corrected);
    return retry.total > 0 ? retry : result;
  }

  /**
   * Completions of what is being typed: titles starting with the text (from 3 characters) and
   * vocabulary words completing the last word, each a bounded index lookup. Only when neither
   * finds anything is the last word corrected against the vocabulary (trigram similarity, as for
   * "did you mean") and the correction offered.
   */
  async suggest(prefix: string, limit: number): Promise<Suggestion[]> {
    const text = normaliseTerm(prefix).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (!text) return [];
    const words = text.split(' ');
    const last = words.pop()!;
    const head = words.join(' ');
    const found = await this.sql.suggest({ term: last, termLimit: limit, title: text.length >= 3 ? text : '', titleLimit: Math.ceil(limit / 2) });
    let terms = found.terms;
    if (terms.length === 0 && found.titles.length === 0 && last.length >= 4) {
      const corrected = (await this.sql.closestTerms([last], CORRECTION_SIMILARITY)).get(last);
      terms = corrected ? [corrected] : [];
    }
    const suggestions: Suggestion[] = found.titles.map((row) => ({ text: row.title, kind: 'resource', resourceId: row.id }));
    const seen = new Set(suggestions.map((s) => normaliseTerm(s.text)));
    for (const term of terms) {
      const completion = head ? `${head} ${term}` : term;
      if (!seen.has(completion)) suggestions.push({ text: completion, kind: 'term', resourceId: null });
      seen.add(completion);
    }
    return suggestions.slice(0, limit);
  }

  upsert(documents: SearchDocument[], options: { rebuilding?: boolean } = {}): Promise<void> {
    return options.rebuilding ? this.sql.write(documents) : this.sql.upsert(documents);
  }

  remove(ids: string[]): Promise<void> {
    return this.sql.remove(ids);
  }

  startReindex(): Promise<Date> {
    return this.sql.now();
  }

  finishReindex(startedAt: Date): Promise<void> {
    return this.sql.sweepAndRecount(startedAt);
  }

  private async run(variants: string[], query: EngineQuery, after: SqlKeyset | null, didYouMean: string | null): Promise<EngineResult> {
    const text = variants.length > 0;
    const counting = await this.plan(variants, query);
    const result = await this.sql.search({ variants, filters: sqlFilters(query), sort: query.sort, after, take: query.limit + 1, candidates: RELEVANCE_CANDIDATES, ...counting });
    const page = result.hits.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor = result.hits.length > query.limit && last ? encodeSearchCursor({ e: 'pg', s: query.sort, k1: last.k1, k2: last.k2, id: last.id }) : null;
    const estimated = counting.scale > 1;
    return {
      hits: page.map((hit) => ({
        id: hit.id,
        highlight: { title: toSegments(hit.title), description: text ? toSegments(hit.description) : plainSnippet(hit.description) },
      })),
      nextCursor,
      // A sample can miss every match of a narrow filter that the page still finds.
      total: estimated ? Math.max(result.total, page.length + (nextCursor ? 1 : 0)) : result.total,
      facets: facetRecord(result.facets),
      estimated,
      didYouMean,
    };
  }

  /**
   * How to count: exactly when the table holds at most exactCountLimit documents, or when
   * PostgreSQL estimates at most that many matches that count in the facets (those failing at
   * most one filter); else over a sample of one in 2^depth of them, depth chosen to leave about
   * exactCountLimit rows. The page then comes from every match passing all filters (ordered by
   * the sort keys, through an index when that is cheaper), except for relevance over more than
   * exactCountLimit such matches: ranked within the sample. The estimates come from one plan.
   */
  private async plan(variants: string[], query: EngineQuery): Promise<Pick<SqlSearch, 'counted' | 'scale' | 'page'>> {
    const counted = countedByFacets(query.filters);
    const all = allFilters(query.filters);
    const exact = { counted, scale: 1, page: { from: 'counted' as const } };
    if ((await this.documentsInTable()) <= this.exactCountLimit) return exact;
    const text = variants.length > 0;
    const [countedEstimate = 0, matchingEstimate = 0, unseenEstimate = 0] = await this.sql.estimateMatches([
      { variants, filter: counted },
      { variants, filter: all },
      ...(text ? [{ variants: [UNSEEN_WORD], filter: counted }] : []),
    ]);
    let countedRows = countedEstimate;
    let matchingRows = matchingEstimate;
    if (countedRows <= this.exactCountLimit) return exact;
    // For a word its statistics do not list, PostgreSQL assumes a fixed small frequency, which
    // over a large table can exceed the limit while the word is rare or medium. Such a query
    // (estimated no higher than a word never seen, with the same filters) has short posting lists,
    // so counting a sample of about SAMPLE_CHECK_ROWS of its matches is cheap and tells.
    if (text && countedRows <= RARE_MARGIN * unseenEstimate) {
      const checkDepth = Math.min(MAX_SAMPLE_DEPTH, Math.max(1, Math.floor(Math.log2(countedRows / SAMPLE_CHECK_ROWS))));
      const sample = await this.sql.countSample({ variants, counted, allFilters: all, depth: checkDepth });
      countedRows = sample.counted * 2 ** checkDepth;
      matchingRows = sample.matching * 2 ** checkDepth;
      if (countedRows <= this.exactCountLimit) return exact;
    }
    const depth = Math.min(MAX_SAMPLE_DEPTH, Math.ceil(Math.log2(countedRows / this.exactCountLimit)));
    const rankedInSample = text && query.sort === 'relevance' && matchingRows > this.exactCountLimit;
    return { counted: both(counted, sampleMarker(depth)), scale: 2 ** depth, page: rankedInSample ? { from: 'counted' } : { from: 'all', allFilters: all } };
  }

  /** The table's size as PostgreSQL last measured it, reused for a minute. */
  private async documentsInTable(): Promise<number> {
    if (!this.tableSize || Date.now() - this.tableSize.at > TABLE_SIZE_TTL_MS) {
      this.tableSize = { documents: await this.sql.documentEstimate(), at: Date.now() };
    }
    return this.tableSize.documents;
  }

  private readCursor(cursor: string, sort: SearchSort): SqlKeyset {
    const value = decodeSearchCursor(cursor, Cursor.refine((c) => c.s === sort));
    return { k1: value.k1, k2: value.k2, id: value.id };
  }
}

function sqlFilters(query: EngineQuery): SqlFilters {
  const f = query.filters;
  return {
    subject: f.subject,
    level: f.level,
    type: f.type,
    language: f.language,
    licence: f.licence,
    ages: f.age.map((band) => AGE_BANDS[band]),
    media: f.media,
  };
}
