import { Injectable, Logger } from '@nestjs/common';
import { SearchHistoryService, type SearchEvent } from './search-history.service.js';

/**
 * What the search engine's service tells about each search it answered. Recording never fails
 * or slows down the search: it runs after the answer is built and its errors are only logged.
 */
@Injectable()
export class SearchActivityObserver {
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
