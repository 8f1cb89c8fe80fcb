import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import shipped from './data/synonyms.json' with { type: 'json' };
import { SEARCH_ENGINE, type SearchEngine } from './engine/search-engine.js';
import { SearchSynonymsRepository } from './search-synonyms.repository.js';

const RETRY_MS = 30_000;

/**
 * At start: seeds the shipped synonym groups (data/synonyms.json) into their table while it is
 * empty, then applies the engine's settings. An engine that is down does not stop the API from
 * starting: settings are retried in the background, and indexing jobs retry on their own.
 */
@Injectable()
export class SearchSetup implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SearchSetup');
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly synonyms: SearchSynonymsRepository,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.synonyms.seedIfEmpty(shipped.groups)) this.logger.log(`Seeded ${shipped.groups.length} search synonym groups`);
    await this.apply();
  }

  private async apply(): Promise<void> {
    try {
      await this.engine.applySettings();
    } catch (error) {
      this.logger.warn(`Search engine settings not applied (${(error as Error).message}); retrying in ${RETRY_MS / 1000} s`);
      this.retry = setTimeout(() => void this.apply(), RETRY_MS);
      this.retry.unref();
    }
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
  }
}
