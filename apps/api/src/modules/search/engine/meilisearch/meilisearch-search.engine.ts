import { AGE_BANDS, type AgeBand, type FacetName, type Highlight, type SearchFilters, type SearchSort, type Suggestion } from '@lesplein/contracts/search';
import type { Index, Meilisearch, MultiSearchQuery, SearchResponse } from 'meilisearch';
import { z } from 'zod';
import { facetRecord } from '../facets.js';
import { MARK_END, MARK_START, plainSnippet, stripMarks, toSegments } from '../highlight.js';
import { correctableWords, hasSearchableText, normaliseTerm, replaceWords } from '../query-text.js';
import { decodeSearchCursor, encodeSearchCursor } from '../search-cursor.js';
import { FACET_NAMES, type EngineQuery, type EngineResult, type SearchDocument, type SearchEngine } from '../search-engine.js';
import type { SynonymSource } from '../synonyms.js';
import { MAX_TOTAL_HITS, meilisearchSettings } from './meilisearch-settings.js';

/** A resource as stored in the Meilisearch index. */
export interface MeiliDocument {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  authorName: string | null;
  subjects: string[];
  subjectLabels: string[];
  levels: string[];
  levelLabels: string[];
  type: string;
  language: string;
  licence: string;
  ageBands: string[];
  media: string[];
  publishedAt: number;
  ratingAverage: number;
  ratingCount: number;
  viewCount: number;
  favouriteCount: number;
  indexedAt: number;
}

const Cursor = z.strictObject({ e: z.literal('meili'), s: z.enum(['relevance', 'newest', 'rating', 'views']), o: z.number().int().min(1).max(10_000) });

/** Filter attribute of each facet. */
const ATTRIBUTE: Record<FacetName, string> = { subject: 'subjects', level: 'levels', type: 'type', language: 'language', licence: 'licence', age: 'ageBands', media: 'media' };

const SORT: Record<SearchSort, string[] | undefined> = {
  relevance: undefined,
  newest: ['publishedAt:desc'],
  rating: ['ratingAverage:desc', 'ratingCount:desc'],
  views: ['viewCount:desc', 'publishedAt:desc'],
};

/**
 * Meilisearch (for large installations), through the official client. Settings come from
 * meilisearch-settings.ts; typo tolerance, prefix search and synonyms are Meilisearch's own.
 * Facets each ignore their own filter: one multi-search with the main query plus one query per
 * filtered facet. Only published resources are ever sent to the index (the indexer removes the
 * others), so the index holds no visibility state.
 */
export class MeilisearchSearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private readonly index: Index<MeiliDocument>;

  constructor(
    private readonly client: Meilisearch,
    private readonly indexUid: string,
    private readonly synonyms: SynonymSource,
    private readonly taskTimeoutMs = 30_000,
  ) {
    this.index = client.index<MeiliDocument>(indexUid);
  }

  async applySettings(): Promise<void> {
    const created = await this.client.createIndex(this.indexUid, { primaryKey: 'id' }).waitTask({ timeout: this.taskTimeoutMs });
    if (created.status === 'failed' && created.error?.code !== 'index_already_exists') throw new Error(`Meilisearch: ${created.error?.message}`);
    await this.wait(this.index.updateSettings(meilisearchSettings(await this.synonyms.groups())));
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    const offset = query.cursor ? decodeSearchCursor(query.cursor, Cursor.refine((c) => c.s === query.sort)).o : 0;
    const text = hasSearchableText(query.filters.q);
    const q = text ? query.filters.q : '';
    const active = FACET_NAMES.filter((name) => filterValues(query.filters, name).length > 0);
    const queries: MultiSearchQuery[] = [
      {
        indexUid: this.indexUid,
        q,
        filter: filterFor(query.filters, null),
        sort: query.sort === 'relevance' && !text ? SORT.newest : SORT[query.sort],
        offset,
        limit: query.limit + 1,
        attributesToRetrieve: ['id'],
        attributesToHighlight: ['title', 'keywords', 'subjectLabels', 'levelLabels'],
        attributesToCrop: ['description'],
        cropLength: 30,
        cropMarker: '…',
        highlightPreTag: MARK_START,
        highlightPostTag: MARK_END,
      },
      // Exact total and the facets without an active filter.
      { indexUid: this.indexUid, q, filter: filterFor(query.filters, null), page: 1, hitsPerPage: 0, facets: FACET_NAMES.filter((n) => !active.includes(n)).map((n) => ATTRIBUTE[n]) },
      ...active.map((name) => ({ indexUid: this.indexUid, q, filter: filterFor(query.filters, name), page: 1, hitsPerPage: 0, facets: [ATTRIBUTE[name]] })),
    ];
    const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, MeiliDocument>({ queries });
    const [main, counts, ...perFacet] = results as Array<SearchResponse<MeiliDocument>>;
    const rows: Array<{ facet: FacetName; value: string; count: number }> = [];
    const collect = (response: SearchResponse<MeiliDocument>, names: FacetName[]) => {
      for (const name of names) for (const [value, count] of Object.entries(response.facetDistribution?.[ATTRIBUTE[name]] ?? {})) rows.push({ facet: name, value, count });
    };
    collect(counts!, FACET_NAMES.filter((n) => !active.includes(n)));
    active.forEach((name, i) => collect(perFacet[i]!, [name]));
    const hits = main!.hits.slice(0, query.limit).map((hit) => ({
      id: hit.id,
      highlight: {
        title: toSegments(hit._formatted?.title ?? hit.title ?? ''),
        description: text ? toSegments(hit._formatted?.description ?? '') : plainSnippet(stripMarks(hit._formatted?.description ?? '')),
      },
    }));
    const total = counts!.totalHits ?? 0;
    // Words Meilisearch matched (also in keywords and labels), for "did you mean".
    const matched = main!.hits.flatMap((hit) => [hit._formatted?.title ?? '', hit._formatted?.description ?? '', ...(hit._formatted?.keywords ?? []), ...(hit._formatted?.subjectLabels ?? []), ...(hit._formatted?.levelLabels ?? [])]);
    return {
      hits,
      nextCursor: main!.hits.length > query.limit ? encodeSearchCursor({ e: 'meili', s: query.sort, o: offset + query.limit }) : null,
      total,
      facets: facetRecord(rows),
      estimated: total >= MAX_TOTAL_HITS,
      didYouMean: text && total > 0 ? correctionFrom(query.filters.q, matched.map(toSegments)) : null,
    };
  }

  async suggest(prefix: string, limit: number): Promise<Suggestion[]> {
    const text = prefix.trim();
    const words = normaliseTerm(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ');
    const last = words.pop() ?? '';
    const head = words.join(' ');
    const [titles, terms] = await Promise.all([
      this.index.search(text, { limit: Math.ceil(limit / 2), attributesToRetrieve: ['id', 'title'], attributesToSearchOn: ['title'] }),
      last ? this.index.searchForFacetValues({ facetName: 'keywords', facetQuery: last }) : Promise.resolve({ facetHits: [] }),
    ]);
    const suggestions: Suggestion[] = titles.hits.map((hit) => ({ text: hit.title, kind: 'resource', resourceId: hit.id }));
    const seen = new Set(suggestions.map((s) => normaliseTerm(s.text)));
    for (const hit of [...terms.facetHits].sort((a, b) => b.count - a.count)) {
      const completion = head ? `${head} ${normaliseTerm(hit.value)}` : normaliseTerm(hit.value);
      if (!seen.has(completion)) suggestions.push({ text: completion, kind: 'term', resourceId: null });
      seen.add(completion);
    }
    return suggestions.slice(0, limit);
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const now = Date.now();
    await this.wait(this.index.addDocuments(documents.map((d) => toMeiliDocument(d, now)), { primaryKey: 'id' }));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.wait(this.index.deleteDocuments(ids));
  }

  async startReindex(): Promise<Date> {
    return new Date();
  }

  async finishReindex(startedAt: Date): Promise<void> {
    await this.wait(this.index.deleteDocuments({ filter: `indexedAt < ${startedAt.getTime()}` }));
  }

  /** Waits for a task so that a failed write fails the job (which then retries). */
  private async wait(enqueued: { waitTask: (options?: { timeout?: number }) => Promise<{ status: string; error?: { message: string } | null }> }): Promise<void> {
    const task = await enqueued.waitTask({ timeout: this.taskTimeoutMs });
    if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.status}: ${task.error?.message ?? ''}`);
  }
}

export function toMeiliDocument(d: SearchDocument, indexedAt: number): MeiliDocument {
  return {
    id: d.id,
    title: stripMarks(d.title),
    description: stripMarks(d.description),
    keywords: d.keywords,
    authorName: d.authorName,
    subjects: d.subjects,
    subjectLabels: d.subjectLabels,
    levels: d.levels,
    levelLabels: d.levelLabels,
    type: d.type,
    language: d.language,
    licence: d.licence,
    ageBands: ageBandsOf(d.ageMin, d.ageMax),
    media: [...(d.hasFile ? ['file'] : []), ...(d.hasLink ? ['link'] : [])],
    publishedAt: d.publishedAt.getTime(),
    ratingAverage: d.ratingAverage ?? 0,
    ratingCount: d.ratingCount,
    viewCount: d.viewCount,
    favouriteCount: d.favouriteCount,
    indexedAt,
  };
}

/** The age bands a range overlaps (the same rule as the PostgreSQL engine's SQL). */
export function ageBandsOf(min: number | null, max: number | null): AgeBand[] {
  if (min === null && max === null) return [];
  const lo = min ?? 0;
  const hi = max ?? 99;
  return (Object.keys(AGE_BANDS) as AgeBand[]).filter((band) => lo <= AGE_BANDS[band].max && hi >= AGE_BANDS[band].min);
}

function filterValues(filters: SearchFilters, name: FacetName): string[] {
  return filters[name] as string[];
}

/** A Meilisearch filter for all active filters except one; values are JSON-quoted, never spliced raw. */
export function filterFor(filters: SearchFilters, except: FacetName | null): string[] {
  return FACET_NAMES.filter((name) => name !== except && filterValues(filters, name).length > 0).map(
    (name) => `${ATTRIBUTE[name]} IN [${filterValues(filters, name).map((value) => JSON.stringify(value)).join(', ')}]`,
  );
}

/**
 * "Did you mean": when no word of the query appears as typed in the highlighted matches but
 * close words do (Meilisearch matched them by typo tolerance), the query with those words.
 */
function correctionFrom(q: string, texts: Highlight[]): string | null {
  const matched = new Set<string>();
  for (const text of texts) for (const segment of text) if (segment.match) for (const word of normaliseTerm(segment.text).split(/[^\p{L}\p{N}]+/u)) if (word) matched.add(word);
  const replacements = new Map<string, string>();
  for (const word of correctableWords(q)) {
    if (matched.has(word) || [...matched].some((m) => m.startsWith(word))) continue;
    let best: { word: string; distance: number } | null = null;
    for (const candidate of matched) {
      const distance = editDistance(word, candidate);
      if (distance <= 2 && (!best || distance < best.distance)) best = { word: candidate, distance };
    }
    if (best) replacements.set(word, best.word);
  }
  return replacements.size > 0 ? replaceWords(q, replacements) : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

