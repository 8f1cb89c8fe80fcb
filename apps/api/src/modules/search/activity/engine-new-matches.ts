import { Inject, Injectable } from '@nestjs/common';
import type { SearchFilters } from '@lesplein/contracts/search';
import { SEARCH_ENGINE, type SearchEngine } from '../engine/search-engine.js';
import { AlertResourcesRepository } from './alert-resources.repository.js';
import { NewMatchFinder, type NewMatches } from './new-matches.js';

const PAGE = 50;
/** At most this many new matches are counted per saved search and run. */
export const MAX_COUNTED = 200;

/**
 * New matches through the search engine, so an alert matches exactly what the search page shows
 * (stemming, synonyms, visibility). The engine has no "published after" filter: the search runs
 * newest first and stops at the first hit published before the window.
 */
@Injectable()
export class EngineNewMatchFinder extends NewMatchFinder {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly resources: AlertResourcesRepository,
  ) {
    super();
  }

  async find(filters: SearchFilters, window: { after: Date; until: Date }, memberId: string): Promise<NewMatches> {
    let count = 0;
    let first: NewMatches['first'] = null;
    let cursor: string | undefined;
    for (let seen = 0; seen < MAX_COUNTED; seen += PAGE) {
      const result = await this.engine.search({ filters, sort: 'newest', cursor, limit: PAGE });
      const live = await this.resources.published(result.hits.map((hit) => hit.id));
      for (const hit of result.hits) {
        const resource = live.get(hit.id);
        // Not published any more (the index may lag a job behind), or the member's own work.
        if (!resource || resource.authorId === memberId) continue;
        if (resource.publishedAt <= window.after) return { count, first };
        if (resource.publishedAt > window.until) continue;
        count++;
        first ??= { id: resource.id, title: resource.title };
        if (count >= MAX_COUNTED) return { count, first };
      }
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    return { count, first };
  }
}
