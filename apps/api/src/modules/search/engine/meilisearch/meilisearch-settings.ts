import type { Settings } from 'meilisearch';

/** Meilisearch counts matches exactly up to this many (its `pagination.maxTotalHits`); a total at the cap is a lower bound. */
export const MAX_TOTAL_HITS = 10_000;

/**
 * The Meilisearch index settings, kept in code and applied at start (and when synonyms change).
 * Searchable attributes are in order of importance (the `attribute` ranking rule uses it), like
 * the PostgreSQL weights: title, keywords, author, subjects and levels, description.
 */
export function meilisearchSettings(synonymGroups: string[][]): Settings {
  return {
    searchableAttributes: ['title', 'keywords', 'authorName', 'subjectLabels', 'levelLabels', 'description'],
    filterableAttributes: ['subjects', 'levels', 'type', 'language', 'licence', 'ageBands', 'media', 'keywords', 'indexedAt'],
    sortableAttributes: ['publishedAt', 'ratingAverage', 'ratingCount', 'viewCount'],
    displayedAttributes: ['id', 'title', 'description', 'keywords', 'subjectLabels', 'levelLabels'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'favouriteCount:desc'],
    synonyms: synonymMap(synonymGroups),
    // "wiskunfe" (8 letters) is two edits from nothing closer than "wiskunde": one typo from 4 letters, two from 8.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 }, disableOnNumbers: true },
    faceting: { maxValuesPerFacet: 200 },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
  };
}

/** Each term of a group maps to all the others (Meilisearch synonyms are directed). */
export function synonymMap(groups: string[][]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) {
    const terms = [...new Set(group.map((term) => term.trim().toLowerCase()).filter(Boolean))];
    for (const term of terms) map[term] = [...new Set([...(map[term] ?? []), ...terms.filter((other) => other !== term)])];
  }
  return map;
}
