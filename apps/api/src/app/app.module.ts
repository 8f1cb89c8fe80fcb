import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/env.js';
import { CoreModule } from '../core/core.module.js';
import { StorageModule } from '../core/storage/storage.module.js';
import { AdministrationModule } from '../modules/administration/administration.module.js';
import { AccountsModule } from '../modules/accounts/accounts.module.js';
import { CommentsModule } from '../modules/community/comments.module.js';
import { CommunityModule } from '../modules/community/community.module.js';
import { RatingsModule } from '../modules/community/ratings.module.js';
import { MessagesModule } from '../modules/messages/messages.module.js';
import { ModerationModule } from '../modules/moderation/moderation.module.js';
import { NotificationsModule } from '../modules/notifications/notifications.module.js';
import { PoliciesModule } from '../modules/policies/policies.module.js';
import { AnalyticsModule } from '../modules/analytics/analytics.module.js';
import { NewsletterModule } from '../modules/newsletter/newsletter.module.js';
import { PrivacyRequestsModule } from '../modules/privacy-requests/privacy-requests.module.js';
import { PartnersModule } from '../modules/partners/partners.module.js';
import { PrivacyModule } from '../modules/privacy/privacy.module.js';
import { ResourcesModule } from '../modules/resources/resources.module.js';
import { SavedSearchAlertsModule } from '../modules/search/activity/saved-search-alerts.module.js';
import { SearchActivityModule } from '../modules/search/activity/search-activity.module.js';
import { SearchModule } from '../modules/search/search.module.js';
import { TaxonomyModule } from '../modules/taxonomy/taxonomy.module.js';
import { SeedService } from '../seed/seed.service.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return { module: AppModule, imports: [CoreModule.forRoot(config, databaseUrl), StorageModule, TaxonomyModule, AccountsModule, ResourcesModule, CommunityModule, NotificationsModule, MessagesModule, CommentsModule, RatingsModule, ModerationModule, SearchModule, SearchActivityModule, SavedSearchAlertsModule, PartnersModule, AdministrationModule, PrivacyModule, PoliciesModule, PrivacyRequestsModule, AnalyticsModule, NewsletterModule], providers: [SeedService] };
  }
}
