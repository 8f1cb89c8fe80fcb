import { AGE_BANDS, type SearchSort, type Suggestion } from '@lesplein/contracts/search';
import { z } from 'zod';
import { facetRecord } from '../facets.js';
import { plainSnippet, toSegments } from '../highlight.js';
import { correctableWords, hasSearchableText, normaliseTerm, replaceWords, synonymVariants } from '../query-text.js';
import { decodeSearchCursor, encodeSearchCursor } from '../search-cursor.js';
import { RELEVANCE_CANDIDATES, type EngineQuery, type EngineResult, type SearchDocument, type SearchEngine } from '../search-engine.js';
import type { CachedSynonyms } from '../synonyms.js';
import type { PostgresSearchRepository, SqlFilters, SqlKeyset } from './postgres-search.repository.js';

const Cursor = z.strictObject({ e: z.literal('pg'), s: z.enum(['relevance', 'newest', 'rating', 'views']), k1: z.number(), k2: z.number(), id: z.uuid() });

/** Least trigram similarity for a typo correction ("wiskunfe" → "wiskunde" is 0.5). */
const CORRECTION_SIMILARITY = 0.4;

/**
 * PostgreSQL full-text search (the default engine, no extra service). Documents live in the
 * SearchDocument table with a generated tsvector; queries go through websearch_to_tsquery with
 * synonym variants OR-ed in; when nothing matches, unknown words are corrected against the
 * indexed vocabulary by trigram similarity and the corrected query is searched instead (its text
 * is returned as didYouMean). Every query also requires the live resource to be published.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;

  constructor(
    private readonly sql: PostgresSearchRepository,
    private readonly synonyms: CachedSynonyms,
  ) {}

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
    const result = await this.sql.search({ variants, filters: sqlFilters(query), sort: query.sort, after, take: query.limit + 1, candidates: RELEVANCE_CANDIDATES });
    const page = result.hits.slice(0, query.limit);
    const last = page.at(-1);
    return {
      hits: page.map((hit) => ({
        id: hit.id,
        highlight: { title: toSegments(hit.title), description: text ? toSegments(hit.description) : plainSnippet(hit.description) },
      })),
      nextCursor: result.hits.length > query.limit && last ? encodeSearchCursor({ e: 'pg', s: query.sort, k1: last.k1, k2: last.k2, id: last.id }) : null,
      total: result.total,
      facets: facetRecord(result.facets),
      didYouMean,
    };
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
