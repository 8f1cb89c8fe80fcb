import { Module } from '@nestjs/common';
import { PreModerationModule } from '../moderation/pre-moderation/pre-moderation.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { MyResourcesController } from './my-resources.controller.js';
import { ResourceFilesController } from './resource-files.controller.js';
import { ResourceFilesService } from './resource-files.service.js';
import { ResourceJobs } from './resource-jobs.js';
import { ResourcesController } from './resources.controller.js';
import { ResourcesRepository } from './resources.repository.js';
import { ResourcesService } from './resources.service.js';
import { ViewHistoryRepository } from './view-history.repository.js';
import { ViewHistoryService } from './view-history.service.js';

/** Learning resources: metadata, states, files, previews, views and downloads. */
@Module({
  imports: [TaxonomyModule, NotificationsModule, PreModerationModule],
  controllers: [ResourcesController, ResourceFilesController, MyResourcesController],
  providers: [ResourcesRepository, ViewHistoryRepository, ResourcesService, ResourceFilesService, ViewHistoryService, ResourceJobs],
  exports: [ResourcesService, ResourcesRepository],
})
export class ResourcesModule {}
