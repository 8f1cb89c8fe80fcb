import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { SearchModule } from '../search.module.js';
import { AlertResourcesRepository } from './alert-resources.repository.js';
import { EngineNewMatchFinder } from './engine-new-matches.js';
import { NewMatchFinder } from './new-matches.js';
import { SavedSearchAlertsService } from './saved-search-alerts.service.js';
import { SearchActivityModule } from './search-activity.module.js';

/**
 * The alert job of saved searches: new matches, found through the search engine, become
 * notifications. A module of its own: SearchModule imports SearchActivityModule (for the
 * observer), and this one imports SearchModule (for the engine).
 */
@Module({
  imports: [SearchActivityModule, SearchModule, NotificationsModule],
  providers: [AlertResourcesRepository, SavedSearchAlertsService, { provide: NewMatchFinder, useClass: EngineNewMatchFinder }],
})
export class SavedSearchAlertsModule {}
