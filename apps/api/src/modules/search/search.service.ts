import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SearchQuery, SearchResult, SuggestResult } from '@lesplein/contracts/search';
import type { Actor } from '../../core/auth/actor.js';
import { effectiveSort, SEARCH_ENGINE, type SearchEngine } from './engine/search-engine.js';
import { SearchHitsRepository } from './search-hits.repository.js';
import { toSearchHit } from './search.mapper.js';
import { SEARCH_OBSERVER, type SearchObserver } from './search-observer.js';

/**
 * Search over published resources, for everyone. Rules: the default sort (relevance with text,
 * newest without); hits come from the engine as ids and are read back from the database, where
 * anything no longer published is dropped (the engine may lag behind by a job). After each
 * search the SearchObserver (search-observer.ts) is told who searched for what and how many
 * matched; it is the seam for search history and figures, a no-op unless provided.
 */
@Injectable()
export class SearchService {
  private readonly logger = new Logger('SearchService');

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly hits: SearchHitsRepository,
    @Inject(SEARCH_OBSERVER) private readonly observer: SearchObserver,
  ) {}

  async search(actor: Actor | undefined, query: SearchQuery): Promise<SearchResult> {
    const { sort: requested, cursor, limit, ...filters } = query;
    const sort = effectiveSort(filters.q, requested);
    const result = await this.engine.search({ filters, sort, cursor, limit });
    const rows = await this.hits.findPublished(result.hits.map((hit) => hit.id));
    const items = result.hits.flatMap((hit) => {
      const row = rows.get(hit.id);
      return row ? [toSearchHit(row, hit)] : [];
    });
    await this.observer.onSearch({ memberId: actor?.memberId ?? null, filters, total: result.total, nextPage: cursor !== undefined }).catch((error: unknown) => {
      this.logger.warn(`Search observer failed: ${(error as Error).message}`);
    });
    return { items, nextCursor: result.nextCursor, total: result.total, facets: result.facets, estimated: result.estimated, didYouMean: result.didYouMean, sort };
  }

  async suggest(query: { q: string; limit: number }): Promise<SuggestResult> {
    return { suggestions: await this.engine.suggest(query.q, query.limit) };
  }
}
