import { Module } from '@nestjs/common';
import { SavedSearchesController } from './saved-searches.controller.js';
import { SavedSearchesRepository } from './saved-searches.repository.js';
import { SavedSearchesService } from './saved-searches.service.js';
import { SearchActivityRetention } from './search-activity-retention.service.js';
import { SearchActivityObserver } from './search-activity.observer.js';
import { SearchHistoryController } from './search-history.controller.js';
import { SearchHistoryRepository } from './search-history.repository.js';
import { SearchHistoryService } from './search-history.service.js';
import { SearchStatsController } from './search-stats.controller.js';
import { SearchStatsRepository } from './search-stats.repository.js';
import { SearchStatsService } from './search-stats.service.js';

/**
 * What members do with search: their search history, saved searches, and the anonymous figures
 * admins see. The search engine's service reports each search to `SearchActivityObserver`.
 * Alerts for saved searches live in SavedSearchAlertsModule, which also needs the engine.
 */
@Module({
  controllers: [SearchHistoryController, SavedSearchesController, SearchStatsController],
  providers: [
    SearchHistoryRepository,
    SearchStatsRepository,
    SavedSearchesRepository,
    SearchHistoryService,
    SearchStatsService,
    SavedSearchesService,
    SearchActivityRetention,
    SearchActivityObserver,
  ],
  exports: [SearchHistoryService, SearchActivityObserver, SavedSearchesRepository],
})
export class SearchActivityModule {}
