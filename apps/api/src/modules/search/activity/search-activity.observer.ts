import { Injectable, Logger } from '@nestjs/common';
import type { SearchEvent, SearchObserver } from '../search-observer.js';
import { SearchHistoryService } from './search-history.service.js';

/**
 * The search engine's observer (SEARCH_OBSERVER in search.module.ts): every search answered by
 * GET /api/search is recorded in the member's history and the anonymous figures. Recording
 * never fails the search: its errors are only logged.
 */
@Injectable()
export class SearchActivityObserver implements SearchObserver {
  private readonly logger = new Logger('SearchActivity');

  constructor(private readonly history: SearchHistoryService) {}

  async onSearch(event: SearchEvent): Promise<void> {
    try {
      await this.history.recordSearch(event);
    } catch (error) {
      this.logger.warn(`Could not record a search: ${(error as Error).message}`);
    }
  }
}
