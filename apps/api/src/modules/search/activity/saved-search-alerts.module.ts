import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { DatabaseNewMatchFinder } from './new-matches.repository.js';
import { NewMatchFinder } from './new-matches.js';
import { SavedSearchAlertsService } from './saved-search-alerts.service.js';
import { SearchActivityModule } from './search-activity.module.js';

/** The alert job of saved searches: new matches become notifications. */
@Module({
  imports: [SearchActivityModule, NotificationsModule],
  providers: [SavedSearchAlertsService, { provide: NewMatchFinder, useClass: DatabaseNewMatchFinder }],
})
export class SavedSearchAlertsModule {}
