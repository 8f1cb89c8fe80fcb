import { Injectable } from '@nestjs/common';
import { AGE_BANDS, type FacetName } from '@lesplein/contracts/search';
import { PrismaService } from '../../../../core/database/prisma.service.js';
import { MARK_END, MARK_START } from '../highlight.js';
import { sampleMarker } from './facet-lexemes.js';
import type { SearchDocument } from '../search-engine.js';

/** The filters of one search, as SQL parameters (empty list = no filter). */
export interface SqlFilters {
  subject: string[];
  level: string[];
  type: string[];
  language: string[];
  licence: string[];
  /** Age bands as inclusive [min, max] pairs. */
  ages: Array<{ min: number; max: number }>;
  media: string[];
}

export type SqlSort = 'relevance' | 'newest' | 'rating' | 'views';

/** Keyset position: the two sort keys and the id of the last hit of the previous page. */
export interface SqlKeyset {
  k1: number;
  k2: number;
  id: string;
}

export interface SqlSearch {
  /** Query variants (synonyms, corrections) in web-search syntax; empty: no text condition. */
  variants: string[];
  filters: SqlFilters;
  sort: SqlSort;
  after: SqlKeyset | null;
  take: number;
  candidates: number;
  /**
   * The rows facets and totals are counted over, as a tsquery over "facetVector" (facet-lexemes.ts):
   * those failing at most one filter, possibly narrowed to a sample; null: every text match.
   */
  counted: string | null;
  /** What each counted row stands for: 2^depth for a sample of one in 2^depth, else 1. */
  scale: number;
  /**
   * Where the page comes from: 'counted' — the counted rows passing every filter (all of them
   * when not sampled, or the sample's, for relevance over a large result); 'all' — every match
   * passing `allFilters` (a tsquery, null: unfiltered), ordered by the sort keys.
   */
  page: { from: 'counted' } | { from: 'all'; allFilters: string | null };
}

/** The part of an EXPLAIN (FORMAT JSON) plan node the estimates read. */
interface ExplainedPlan {
  'Plan Rows': number;
  'Subplan Name'?: string;
  Plans?: ExplainedPlan[];
}

export interface SqlSearchResult {
  total: number;
  facets: Array<{ facet: FacetName; value: string; count: number }>;
  hits: Array<{ id: string; k1: number; k2: number; title: string; description: string }>;
}

const FILTERS = ['subject', 'level', 'type', 'language', 'licence', 'age', 'media'] as const;
type FilterName = (typeof FILTERS)[number];

/** SQL condition per filter over the `b` (base) row; $2… are the filter parameters. */
const CONDITION: Record<FilterName, string> = {
  subject: `(cardinality($2::text[]) = 0 OR b.subjects && $2::text[])`,
  level: `(cardinality($3::text[]) = 0 OR b.levels && $3::text[])`,
  type: `(cardinality($4::text[]) = 0 OR b.type = ANY($4::text[]))`,
  language: `(cardinality($5::text[]) = 0 OR b.language = ANY($5::text[]))`,
  licence: `(cardinality($6::text[]) = 0 OR b.licence = ANY($6::text[]))`,
  age: `(cardinality($7::int[]) = 0 OR ((b."ageMin" IS NOT NULL OR b."ageMax" IS NOT NULL) AND EXISTS (SELECT 1 FROM unnest($7::int[], $8::int[]) AS band(lo, hi) WHERE coalesce(b."ageMin", 0) <= band.hi AND coalesce(b."ageMax", 99) >= band.lo)))`,
  media: `(cardinality($9::text[]) = 0 OR (b."hasFile" AND 'file' = ANY($9::text[])) OR (b."hasLink" AND 'link' = ANY($9::text[])))`,
};

const allBut = (except: FilterName | null) => FILTERS.filter((name) => name !== except).map((name) => `ok_${name}`).join(' AND ') || 'true';

/** Sort keys, both descending, then id descending: one row comparison serves every sort. */
const KEYS: Record<SqlSort, { k1: string; k2: string }> = {
  relevance: { k1: '0::float8', k2: `extract(epoch FROM b."publishedAt")::float8` },
  newest: { k1: `extract(epoch FROM b."publishedAt")::float8`, k2: '0::float8' },
  rating: { k1: `coalesce(b."ratingAverage", 0)::float8`, k2: `b."ratingCount"::float8` },
  views: { k1: `b."viewCount"::float8`, k2: `extract(epoch FROM b."publishedAt")::float8` },
};

const AGE_NAMES = Object.keys(AGE_BANDS);

/**
 * Sample depths with a partial GIN index of their own (migrations search_sample_index_8 and
 * search_sample_index_64: the documents whose id hash ends in 3 or 6 zero bits, the holders of
 * "z3" and "z6"). In them a word's or a filter's posting list is 8 or 64 times shorter than in
 * the full index, and GIN reads whole posting lists when the matches are spread over them.
 */
const SAMPLE_INDEX_DEPTHS = [6, 3];

/**
 * The condition on `d` that a sample of one in 2^depth implies and that lets PostgreSQL read it
 * from the smallest partial index covering it ('' when none does). A literal, so the planner
 * can match it against the index predicate.
 */
export function sampleIndexCondition(depth: number): string {
  const level = SAMPLE_INDEX_DEPTHS.find((candidate) => candidate <= depth);
  return level ? `(pg_catalog.hashtext(d."resourceId"::text) & ${(1 << level) - 1}) = 0 AND` : '';
}

/**
 * Leaves out a document (`d`) whose live resource is not published: one probe of the small
 * partial index of unpublished resource ids per row. OFFSET 0 keeps it a per-row check; as an
 * anti-join PostgreSQL would hash every unpublished id first, a cost that grows with the number
 * of drafts rather than with the rows read.
 */
const PUBLISHED_ONLY = `NOT EXISTS (SELECT 1 FROM "Resource" r WHERE r.id = d."resourceId" AND r.state <> 'published' OFFSET 0)`;
/** How many titles starting with a prefix (in title order) are considered for title suggestions. */
const TITLE_WINDOW = 200;
const HEADLINE_TITLE = `HighlightAll=true, StartSel="${MARK_START}", StopSel="${MARK_END}"`;
const HEADLINE_DESCRIPTION = `MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … ", StartSel="${MARK_START}", StopSel="${MARK_END}"`;

/**
 * Raw SQL of the PostgreSQL search engine: the SearchDocument table (written only here), its
 * vocabulary (SearchTerm) and synonyms. Every statement is parameterised; user text reaches
 * PostgreSQL only as parameters of websearch_to_tsquery, LIKE patterns (escaped) and similarity.
 */
@Injectable()
export class PostgresSearchRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One round trip. The counted rows — text matches failing at most one filter (a row failing two
   * counts in no facet and no total), possibly a sample (`counted`, `scale`) — are found by one
   * GIN index scan over the text and facet vectors and materialised once with one boolean per
   * filter. The total, the age bands and the media kinds are counted in one aggregate pass; every
   * other facet is one GROUP BY over the materialised rows, each facet ignoring its own filter
   * (grouped in the "C" collation: the same groups, cheaper to sort), multiplied by `scale`.
   * The page is ordered by keyset, from the counted rows or from every match (`page`). With text
   * and relevance order, only the best `candidates` by a cheap pre-rank (title match, popularity,
   * recency) are ranked with ts_rank_cd.
   *
   * The query variants reach the SQL as search_query_all($1), IMMUTABLE, so PostgreSQL evaluates
   * it while planning and estimates the matches from the column statistics (the facet lexemes
   * and the sample markers have statistics too): a sample or a narrow result is read through the
   * GIN index, the newest page of a large result by walking the sort key's index.
   *
   * SearchDocument only holds published resources (the indexer deletes the others), but a
   * document can linger until the indexer's job runs: matches whose live resource is not
   * published are left out (PUBLISHED_ONLY), one probe per counted row or row walked past.
   */
  async search(input: SqlSearch): Promise<SqlSearchResult> {
    const text = input.variants.length > 0;
    const f = input.filters;
    const params: unknown[] = [
      input.variants,
      f.subject,
      f.level,
      f.type,
      f.language,
      f.licence,
      f.ages.map((a) => a.min),
      f.ages.map((a) => a.max),
      f.media,
      AGE_NAMES,
      AGE_NAMES.map((name) => AGE_BANDS[name as keyof typeof AGE_BANDS].min),
      AGE_NAMES.map((name) => AGE_BANDS[name as keyof typeof AGE_BANDS].max),
      input.after?.k1 ?? null,
      input.after?.k2 ?? null,
      input.after?.id ?? null,
      input.take,
      input.candidates,
      HEADLINE_TITLE,
      HEADLINE_DESCRIPTION,
    ];
    const fromAll = input.page.from === 'all';
    const allFilters = input.page.from === 'all' ? input.page.allFilters : null;
    params.push(input.counted, input.scale, allFilters);
    const keys = KEYS[input.sort];
    const ranked = text && input.sort === 'relevance';
    const scaled = (expression: string) => (input.scale === 1 ? expression : `round((${expression}) * $21::numeric)::int`);
    const titleMatch = `${text ? `(d."titleVector" @@ search_query_all($1::text[]))` : 'false'} AS title_match`;
    /** Published documents matching the text and, when given, a tsquery parameter over "facetVector". */
    const matching = (facets: string | null, sampleDepth = 0) =>
      `${text ? `d."searchVector" @@ search_query_all($1::text[]) AND` : ''} ${facets ? `d."facetVector" @@ ${facets}::tsquery AND` : ''} ${sampleIndexCondition(sampleDepth)} ${PUBLISHED_ONLY}`;
    /** The rows the page is chosen from, with the base row's columns. */
    const pageRows = fromAll
      ? `(SELECT d."resourceId" AS id, d."publishedAt", d."ratingAverage", d."ratingCount", d."viewCount", d."favouriteCount", ${titleMatch}
              FROM "SearchDocument" d
             WHERE ${matching(allFilters ? '$22' : null)}) b`
        : `base b`;
    const pageCondition = fromAll ? 'true' : allBut(null);
    const sql = `
      WITH typed AS (SELECT $1::text[], $13::float8, $14::float8, $15::uuid, $16::int, $17::int, $18::text, $19::text, $20::tsquery, $21::int, $22::tsquery), -- every parameter typed, used or not
      base AS MATERIALIZED (
        SELECT b.* FROM (
          SELECT b.*, ${FILTERS.map((name) => `${CONDITION[name]} AS ok_${name}`).join(', ')}
          FROM (
            SELECT d."resourceId" AS id, d.subjects, d.levels, d.type, d.language, d.licence, d."ageMin", d."ageMax",
                   d."hasFile", d."hasLink", d."publishedAt", d."ratingAverage", d."ratingCount", d."viewCount", d."favouriteCount",
                   ${titleMatch}
            FROM "SearchDocument" d
            WHERE ${matching(input.counted ? '$20' : null, Math.log2(input.scale))}
          ) b
          OFFSET 0 -- evaluated once per row, not again in the outer condition
        ) b
        WHERE ${FILTERS.map((name) => `(NOT b.ok_${name})::int`).join(' + ')} <= 1
      ),
      totals AS (
        SELECT ${scaled(`count(*) FILTER (WHERE ${allBut(null)})`)}::int AS total,
               ${scaled(`count(*) FILTER (WHERE b."hasFile" AND ${allBut('media')})`)}::int AS files,
               ${scaled(`count(*) FILTER (WHERE b."hasLink" AND ${allBut('media')})`)}::int AS links,
               ARRAY[${AGE_NAMES.map((_, i) => scaled(`count(*) FILTER (WHERE ${allBut('age')} AND (b."ageMin" IS NOT NULL OR b."ageMax" IS NOT NULL) AND coalesce(b."ageMin", 0) <= ($12::int[])[${i + 1}] AND coalesce(b."ageMax", 99) >= ($11::int[])[${i + 1}])`)).join(', ')}]::int[] AS ages
        FROM base b
        WHERE (${allBut('age')}) OR (${allBut('media')})
      ),
      facet_counts AS (
        SELECT 'subject' AS facet, s.value, ${scaled('count(*)')}::int AS count FROM (SELECT unnest(b.subjects) COLLATE "C" AS value FROM base b WHERE ${allBut('subject')}) s GROUP BY s.value
        UNION ALL SELECT 'level', l.value, ${scaled('count(*)')}::int FROM (SELECT unnest(b.levels) COLLATE "C" AS value FROM base b WHERE ${allBut('level')}) l GROUP BY l.value
        UNION ALL SELECT 'type', b.type COLLATE "C", ${scaled('count(*)')}::int FROM base b WHERE ${allBut('type')} GROUP BY 2
        UNION ALL SELECT 'language', b.language COLLATE "C", ${scaled('count(*)')}::int FROM base b WHERE ${allBut('language')} GROUP BY 2
        UNION ALL SELECT 'licence', b.licence COLLATE "C", ${scaled('count(*)')}::int FROM base b WHERE ${allBut('licence')} GROUP BY 2
        UNION ALL SELECT 'age', band.name, band.count FROM totals t CROSS JOIN LATERAL unnest($10::text[], t.ages) AS band(name, count) WHERE band.count > 0
        UNION ALL SELECT 'media', media.name, media.count FROM totals t CROSS JOIN LATERAL (VALUES ('file', t.files), ('link', t.links)) AS media(name, count) WHERE media.count > 0
      ),
      ${
        ranked
          ? `candidates AS (
               SELECT b.id, b."publishedAt" FROM ${pageRows} WHERE ${pageCondition}
               ORDER BY b.title_match DESC, (b."favouriteCount" + b."ratingCount") DESC, b."viewCount" DESC, b."publishedAt" DESC
               LIMIT $17
             ),
             keyed AS (
               SELECT c.id, ts_rank_cd(d."searchVector", search_query_all($1::text[]))::float8 AS k1, extract(epoch FROM c."publishedAt")::float8 AS k2
               FROM candidates c JOIN "SearchDocument" d ON d."resourceId" = c.id
             ),`
          : `keyed AS (SELECT b.id, ${keys.k1} AS k1, ${keys.k2} AS k2 FROM ${pageRows} WHERE ${pageCondition}),`
      }
      page AS (
        SELECT k.id, k.k1, k.k2 FROM keyed k
        WHERE $13::float8 IS NULL OR (k.k1, k.k2, k.id) < ($13::float8, $14::float8, $15::uuid)
        ORDER BY k.k1 DESC, k.k2 DESC, k.id DESC
        LIMIT $16
      )
      SELECT
        (SELECT total FROM totals) AS total,
        (SELECT coalesce(json_agg(json_build_object('facet', facet, 'value', value, 'count', count)), '[]'::json) FROM facet_counts) AS facets,
        (SELECT coalesce(json_agg(json_build_object(
            'id', p.id, 'k1', p.k1, 'k2', p.k2,
            'title', ${text ? `ts_headline('search_nl', d.title, search_query_all($1::text[]), $18)` : 'd.title'},
            'description', ${text ? `CASE WHEN length(d.description) <= 300 THEN ts_headline('search_nl', d.description, search_query_all($1::text[]), $18) ELSE ts_headline('search_nl', d.description, search_query_all($1::text[]), $19) END` : 'left(d.description, 400)'}
          ) ORDER BY p.k1 DESC, p.k2 DESC, p.id DESC), '[]'::json)
          FROM page p JOIN "SearchDocument" d ON d."resourceId" = p.id) AS hits`;
    const rows = await this.prisma.$queryRawUnsafe<Array<{ total: number; facets: SqlSearchResult['facets']; hits: SqlSearchResult['hits'] }>>(sql, ...params);
    const row = rows[0]!;
    return { total: row.total, facets: row.facets, hits: row.hits };
  }

  /**
   * PostgreSQL's estimates of the documents matching each of several searches — query variants
   * (empty: any) and a filter tsquery over "facetVector" (null: none) — from one plan, so in one
   * round trip: nothing is read but statistics, which know the frequent words and every facet
   * value and sample marker (a word they do not list counts as rare). Typically within a factor
   * of two or three, which is all choosing a sample needs.
   */
  async estimateMatches(searches: Array<{ variants: string[]; filter: string | null }>): Promise<number[]> {
    if (searches.length === 0) return [];
    const params: unknown[] = [];
    // One MATERIALIZED CTE per search: each keeps its own plan node, whose row estimate is the
    // search's total even when it runs in parallel (under a Gather).
    const ctes = searches.map(({ variants, filter }, i) => {
      params.push(variants, filter);
      const [v, f] = [params.length - 1, params.length];
      const text = variants.length > 0 ? `d."searchVector" @@ search_query_all($${v}::text[])` : `cardinality($${v}::text[]) >= 0`;
      return `e${i} AS MATERIALIZED (SELECT 1 FROM "SearchDocument" d WHERE ${text} AND ($${f}::tsquery IS NULL OR d."facetVector" @@ $${f}::tsquery))`;
    });
    const sql = `EXPLAIN (FORMAT JSON) WITH ${ctes.join(', ')} SELECT ${searches.map((_, i) => `(SELECT count(*) FROM e${i})`).join(', ')}`;
    const rows = await this.prisma.$queryRawUnsafe<Array<{ 'QUERY PLAN': Array<{ Plan: ExplainedPlan }> }>>(sql, ...params);
    const found = new Map<string, number>();
    const visit = (node: ExplainedPlan | undefined) => {
      if (!node) return;
      if (node['Subplan Name']?.startsWith('CTE e')) found.set(node['Subplan Name'].slice(4), node['Plan Rows']);
      node.Plans?.forEach(visit);
    };
    visit(rows[0]?.['QUERY PLAN'][0]?.Plan);
    return searches.map((_, i) => found.get(`e${i}`) ?? 0);
  }

  /**
   * Counts the matches in the sample of one in 2^depth: those counted in the facets and those
   * passing every filter. Reads the GIN index and one row per sampled match.
   */
  async countSample(input: { variants: string[]; counted: string | null; allFilters: string | null; depth: number }): Promise<{ counted: number; matching: number }> {
    const text = input.variants.length > 0;
    const rows = await this.prisma.$queryRawUnsafe<Array<{ counted: number; matching: number }>>(
      `WITH typed AS (SELECT $1::text[], $2::tsquery, $3::tsquery, $4::tsquery)
       SELECT count(*)::int AS counted, count(*) FILTER (WHERE $3::tsquery IS NULL OR d."facetVector" @@ $3::tsquery)::int AS matching
         FROM "SearchDocument" d
        WHERE ${text ? `d."searchVector" @@ search_query_all($1::text[]) AND` : ''} ${sampleIndexCondition(input.depth)} d."facetVector" @@ (${input.counted ? '$2::tsquery && ' : ''}$4::tsquery)`,
      input.variants,
      input.counted,
      input.allFilters,
      sampleMarker(input.depth),
    );
    return rows[0]!;
  }

  /** PostgreSQL's estimate of the number of documents (kept by autovacuum and ANALYZE); 0 when unknown. */
  async documentEstimate(): Promise<number> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ n: number }>>(`SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = '"SearchDocument"'::regclass`);
    return rows[0]?.n ?? 0;
  }

  /** Vocabulary words (normalised) that exist, of those given. */
  async knownTerms(words: string[]): Promise<Set<string>> {
    if (words.length === 0) return new Set();
    const rows = await this.prisma.$queryRawUnsafe<Array<{ term: string }>>(`SELECT term FROM "SearchTerm" WHERE term = ANY($1::text[]) AND "documentCount" > 0`, words);
    return new Set(rows.map((row) => row.term));
  }

  /** The closest vocabulary word by trigram similarity (at least `threshold`), per word. */
  async closestTerms(words: string[], threshold: number): Promise<Map<string, string>> {
    if (words.length === 0) return new Map();
    const rows = await this.prisma.$queryRawUnsafe<Array<{ word: string; term: string | null }>>(
      `SELECT w AS word, (SELECT t.term FROM "SearchTerm" t
                            WHERE t.term % w AND similarity(t.term, w) >= $2 AND t."documentCount" > 0
                            ORDER BY similarity(t.term, w) DESC, t."documentCount" DESC, t.term LIMIT 1) AS term
         FROM unnest($1::text[]) AS w`,
      words,
      threshold,
    );
    return new Map(rows.filter((row) => row.term).map((row) => [row.word, row.term!]));
  }

  /**
   * Completions in one round trip, each part reading a bounded number of index entries whatever
   * the corpus size (autocomplete runs on every keystroke):
   * - vocabulary words starting with the last word (`term`), most frequent first. Two letters: the
   *   first `limit` entries of an index on (first two letters, documentCount DESC); one letter or
   *   three and more: the words in the prefix range of the "C"-collated term index, sorted (a
   *   three-letter prefix holds at most a few thousand words even in a large vocabulary);
   * - published titles starting with `title` (unaccented, lower case; empty: none): the first
   *   TITLE_WINDOW titles in that order from an index on the normalised title, the most
   *   favourited and viewed of those first. Documents of resources that are not published are
   *   left out by the same anti-join as in search().
   */
  async suggest(input: { term: string; termLimit: number; title: string; titleLimit: number }): Promise<{ terms: string[]; titles: Array<{ id: string; title: string }> }> {
    const termCondition = [...input.term].length === 2 ? `left(t.term, 2) = $1` : `t.term LIKE $2 || '%'`;
    const rows = await this.prisma.$queryRawUnsafe<Array<{ terms: string[] | null; titles: Array<{ id: string; title: string }> | null }>>(
      `WITH typed AS (SELECT $1::text, $2::text, $3::int, $4::text, $5::int, $6::int),
       terms AS (
         SELECT t.term FROM "SearchTerm" t
          WHERE ${termCondition} AND t."documentCount" > 0
          ORDER BY t."documentCount" DESC, t.term
          LIMIT $3
       ),
       window_titles AS (
         SELECT d."resourceId" AS id, d.title, d."favouriteCount", d."viewCount"
           FROM "SearchDocument" d
          WHERE $4 <> '' AND lower(public.search_unaccent(d.title)) COLLATE "C" LIKE $4 || '%'
          ORDER BY lower(public.search_unaccent(d.title)) COLLATE "C"
          LIMIT $6
       ),
       titles AS (
         SELECT w.id, w.title FROM window_titles w
          WHERE NOT EXISTS (SELECT 1 FROM "Resource" r WHERE r.id = w.id AND r.state <> 'published')
          ORDER BY w."favouriteCount" DESC, w."viewCount" DESC, w.id
          LIMIT $5
       )
       SELECT (SELECT array_agg(term) FROM terms) AS terms,
              (SELECT json_agg(json_build_object('id', id, 'title', title)) FROM titles) AS titles`,
      input.term,
      escapeLike(input.term),
      input.termLimit,
      input.title ? escapeLike(input.title) : '',
      input.titleLimit,
      TITLE_WINDOW,
    );
    const row = rows[0]!;
    return { terms: row.terms ?? [], titles: row.titles ?? [] };
  }

  /** The database clock (indexedAt is written with it). */
  async now(): Promise<Date> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ now: Date }>>(`SELECT now() AS now`);
    return new Date(rows[0]!.now);
  }

  /**
   * Inserts or replaces documents and keeps the vocabulary counts in step, in one transaction
   * (terms are changed in a fixed order, so concurrent indexers cannot deadlock on them).
   */
  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const ids = documents.map((d) => d.id);
    await this.prisma.$transaction(async (tx) => {
      const before = await tx.$queryRawUnsafe<Array<{ words: string[] }>>(`SELECT words FROM "SearchDocument" WHERE "resourceId" = ANY($1::uuid[]) ORDER BY "resourceId" FOR UPDATE`, ids);
      const after = await tx.$queryRawUnsafe<Array<{ words: string[] }>>(`${UPSERT_DOCUMENTS} RETURNING words`, documentsJson(documents));
      await this.adjustTerms(tx, countWords(after, 1, countWords(before, -1)));
    });
  }

  /**
   * Inserts or replaces documents without touching the vocabulary: for a full reindex, whose
   * sweepAndRecount rebuilds the vocabulary once from all documents. (Adjusting it per batch
   * upserted thousands of words per 500 documents and was most of the time of a reindex.)
   */
  async write(documents: SearchDocument[]): Promise<void> {
    if (documents.length > 0) await this.prisma.$executeRawUnsafe(UPSERT_DOCUMENTS, documentsJson(documents));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.$transaction(async (tx) => {
      const removed = await tx.$queryRawUnsafe<Array<{ words: string[] }>>(
        `DELETE FROM "SearchDocument" WHERE "resourceId" IN (SELECT "resourceId" FROM "SearchDocument" WHERE "resourceId" = ANY($1::uuid[]) ORDER BY "resourceId" FOR UPDATE) RETURNING words`,
        ids,
      );
      await this.adjustTerms(tx, countWords(removed, -1));
    });
  }

  /** Deletes documents not written since `before` and recounts the whole vocabulary. */
  async sweepAndRecount(before: Date): Promise<void> {
    await this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`DELETE FROM "SearchDocument" WHERE "indexedAt" < $1::timestamptz`, before);
        await tx.$executeRawUnsafe(`LOCK TABLE "SearchTerm" IN EXCLUSIVE MODE`);
        await tx.$executeRawUnsafe(`DELETE FROM "SearchTerm"`);
        await tx.$executeRawUnsafe(`INSERT INTO "SearchTerm" (term, "documentCount") SELECT w, count(*)::int FROM "SearchDocument", unnest(words) AS w GROUP BY w`);
      },
      { timeout: 600_000 },
    );
  }

  private async adjustTerms(tx: Parameters<Parameters<PrismaService['$transaction']>[0]>[0], delta: Map<string, number>): Promise<void> {
    const changed = [...delta].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (changed.length === 0) return;
    await tx.$executeRawUnsafe(
      `INSERT INTO "SearchTerm" (term, "documentCount")
       SELECT term, n FROM unnest($1::text[], $2::int[]) AS change(term, n) ORDER BY term
       ON CONFLICT (term) DO UPDATE SET "documentCount" = "SearchTerm"."documentCount" + EXCLUDED."documentCount"`,
      changed.map(([term]) => term),
      changed.map(([, n]) => n),
    );
    await tx.$executeRawUnsafe(`DELETE FROM "SearchTerm" WHERE term = ANY($1::text[]) AND "documentCount" <= 0`, changed.map(([term]) => term));
  }
}

/** Inserts or replaces documents given as a JSON array ($1); the generated columns follow. */
const UPSERT_DOCUMENTS = `INSERT INTO "SearchDocument" ("resourceId", title, description, keywords, "authorId", "authorName", subjects, "subjectLabels", levels, "levelLabels",
                       type, language, licence, "ageMin", "ageMax", "hasFile", "hasLink", "publishedAt", "ratingAverage", "ratingCount",
                       "viewCount", "favouriteCount", "indexedAt")
 SELECT doc.id, doc.title, doc.description, ARRAY(SELECT jsonb_array_elements_text(doc.keywords)), doc."authorId", doc."authorName",
        ARRAY(SELECT jsonb_array_elements_text(doc.subjects)), ARRAY(SELECT jsonb_array_elements_text(doc."subjectLabels")),
        ARRAY(SELECT jsonb_array_elements_text(doc.levels)), ARRAY(SELECT jsonb_array_elements_text(doc."levelLabels")),
        doc.type, doc.language, doc.licence, doc."ageMin", doc."ageMax", doc."hasFile", doc."hasLink", doc."publishedAt",
        doc."ratingAverage", doc."ratingCount", doc."viewCount", doc."favouriteCount", now()
   FROM jsonb_to_recordset($1::jsonb) AS doc(id uuid, title text, description text, keywords jsonb, "authorId" uuid, "authorName" text,
        subjects jsonb, "subjectLabels" jsonb, levels jsonb, "levelLabels" jsonb, type text, language text, licence text,
        "ageMin" int, "ageMax" int, "hasFile" boolean, "hasLink" boolean, "publishedAt" timestamp, "ratingAverage" float8,
        "ratingCount" int, "viewCount" int, "favouriteCount" int)
  ORDER BY doc.id
 ON CONFLICT ("resourceId") DO UPDATE SET
   title = EXCLUDED.title, description = EXCLUDED.description, keywords = EXCLUDED.keywords, "authorId" = EXCLUDED."authorId",
   "authorName" = EXCLUDED."authorName", subjects = EXCLUDED.subjects, "subjectLabels" = EXCLUDED."subjectLabels", levels = EXCLUDED.levels,
   "levelLabels" = EXCLUDED."levelLabels", type = EXCLUDED.type, language = EXCLUDED.language, licence = EXCLUDED.licence,
   "ageMin" = EXCLUDED."ageMin", "ageMax" = EXCLUDED."ageMax", "hasFile" = EXCLUDED."hasFile", "hasLink" = EXCLUDED."hasLink",
   "publishedAt" = EXCLUDED."publishedAt", "ratingAverage" = EXCLUDED."ratingAverage", "ratingCount" = EXCLUDED."ratingCount",
   "viewCount" = EXCLUDED."viewCount", "favouriteCount" = EXCLUDED."favouriteCount", "indexedAt" = now()`;

function documentsJson(documents: SearchDocument[]): string {
  return JSON.stringify(documents.map((d) => ({ ...d, publishedAt: d.publishedAt.toISOString() })));
}

function countWords(rows: Array<{ words: string[] }>, sign: 1 | -1, into = new Map<string, number>()): Map<string, number> {
  for (const row of rows) for (const word of row.words ?? []) into.set(word, (into.get(word) ?? 0) + sign);
  return into;
}

/** Escapes LIKE wildcards so user text only ever matches literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
