import { Module } from '@nestjs/common';
import { PageViewsController } from './page-views.controller.js';
import { PageViewsRepository } from './page-views.repository.js';
import { PageViewsService } from './page-views.service.js';

/** The aggregate-only page-view counter (used after a visitor's consent) and its figures for admins. */
@Module({
  controllers: [PageViewsController],
  providers: [PageViewsRepository, PageViewsService],
})
export class AnalyticsModule {}
