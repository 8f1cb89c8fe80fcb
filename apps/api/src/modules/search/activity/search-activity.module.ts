import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { DatabaseNewMatchFinder } from './new-matches.repository.js';
import { NewMatchFinder } from './new-matches.js';
import { SavedSearchAlertsService } from './saved-search-alerts.service.js';
import { SavedSearchesController } from './saved-searches.controller.js';
import { SavedSearchesRepository } from './saved-searches.repository.js';
import { SavedSearchesService } from './saved-searches.service.js';
import { SearchActivityRetention } from './search-activity-retention.service.js';
import { SearchHistoryController } from './search-history.controller.js';
import { SearchHistoryRepository } from './search-history.repository.js';
import { SearchHistoryService } from './search-history.service.js';
import { SearchStatsController } from './search-stats.controller.js';
import { SearchStatsRepository } from './search-stats.repository.js';
import { SearchStatsService } from './search-stats.service.js';

/**
 * What members do with search: their search history, saved searches with alerts, and the
 * anonymous figures admins see. The search engine reports searches to `SearchHistoryService`.
 */
@Module({
  imports: [NotificationsModule],
  controllers: [SearchHistoryController, SavedSearchesController, SearchStatsController],
  providers: [
    SearchHistoryRepository,
    SearchStatsRepository,
    SavedSearchesRepository,
    SearchHistoryService,
    SearchStatsService,
    SavedSearchesService,
    SearchActivityRetention,
    SavedSearchAlertsService,
    { provide: NewMatchFinder, useClass: DatabaseNewMatchFinder },
  ],
  exports: [SearchHistoryService],
})
export class SearchActivityModule {}
