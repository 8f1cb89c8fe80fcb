import type { SearchHit } from '@lesplein/contracts/search';
import { toResourceSummary } from '../resources/resource.mapper.js';
import type { ResourceRow } from '../resources/resources.repository.js';
import type { EngineHit } from './engine/search-engine.js';

/** A search hit: the resource as it is now (summary fields from the database) with the engine's highlights. */
export function toSearchHit(row: ResourceRow, hit: EngineHit): SearchHit {
  return {
    ...toResourceSummary(row),
    highlight: hit.highlight,
    keywords: row.keywords,
    ageMin: row.ageMin,
    ageMax: row.ageMax,
    hasFile: row.files.length > 0,
    hasLink: row.link !== null,
    favouriteCount: row.favouriteCount,
    rating: { average: row.ratingCount > 0 ? Math.round((row.ratingSum / row.ratingCount) * 10) / 10 : null, count: row.ratingCount },
  };
}
