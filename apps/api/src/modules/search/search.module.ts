import { Module } from '@nestjs/common';
import { SearchActivityModule } from './activity/search-activity.module.js';
import { SearchActivityObserver } from './activity/search-activity.observer.js';
import { searchEngineProvider } from './engine/search-engine.provider.js';
import { SEARCH_ENGINE } from './engine/search-engine.js';
import { PostgresSearchRepository } from './engine/postgres/postgres-search.repository.js';
import { SearchDocumentsRepository } from './indexing/search-documents.repository.js';
import { SearchIndexer } from './indexing/search-indexer.js';
import { SearchHitsRepository } from './search-hits.repository.js';
import { SEARCH_OBSERVER } from './search-observer.js';
import { SearchSetup } from './search-setup.js';
import { SearchSynonymsRepository } from './search-synonyms.repository.js';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

/**
 * Search: the SearchEngine port with its PostgreSQL and Meilisearch adapters, the indexer fed by
 * the outbox (`search.index` jobs), and the public search and suggest routes.
 */
@Module({
  imports: [SearchActivityModule],
  controllers: [SearchController],
  providers: [
    PostgresSearchRepository,
    SearchSynonymsRepository,
    SearchDocumentsRepository,
    SearchHitsRepository,
    searchEngineProvider,
    SearchIndexer,
    SearchSetup,
    SearchService,
    // Searches are recorded in members' history and the anonymous figures (search/activity).
    { provide: SEARCH_OBSERVER, useExisting: SearchActivityObserver },
  ],
  exports: [SEARCH_ENGINE, SearchIndexer, SearchService, SearchSynonymsRepository],
})
export class SearchModule {}
