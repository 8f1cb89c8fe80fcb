import type { Provider } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { APP_CONFIG, type AppConfig } from '../../../config/env.js';
import { SearchSynonymsRepository } from '../search-synonyms.repository.js';
import { MeilisearchSearchEngine } from './meilisearch/meilisearch-search.engine.js';
import { PostgresSearchEngine } from './postgres/postgres-search.engine.js';
import { PostgresSearchRepository } from './postgres/postgres-search.repository.js';
import { SEARCH_ENGINE, type SearchEngine } from './search-engine.js';
import { CachedSynonyms } from './synonyms.js';

/** The search engine chosen by configuration: Meilisearch when MEILI_URL is set, PostgreSQL otherwise. */
export const searchEngineProvider: Provider = {
  provide: SEARCH_ENGINE,
  inject: [APP_CONFIG, PostgresSearchRepository, SearchSynonymsRepository],
  useFactory: (config: AppConfig, sql: PostgresSearchRepository, synonyms: SearchSynonymsRepository): SearchEngine => {
    if (config.meili.url) {
      return new MeilisearchSearchEngine(new Meilisearch({ host: config.meili.url, apiKey: config.meili.key, timeout: 10_000 }), config.meili.index, synonyms);
    }
    return new PostgresSearchEngine(sql, new CachedSynonyms(synonyms));
  },
};
