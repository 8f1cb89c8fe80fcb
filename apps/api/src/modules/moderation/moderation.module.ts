import { Module } from '@nestjs/common';
import { BanListModule } from './ban-list/ban-list.module.js';
import { DecisionEffects } from './decisions/decision-effects.js';
import { DecisionsController } from './decisions/decisions.controller.js';
import { DecisionsRepository } from './decisions/decisions.repository.js';
import { DecisionsService } from './decisions/decisions.service.js';
import { PreModerationController } from './pre-moderation/pre-moderation.controller.js';
import { PreModerationModule } from './pre-moderation/pre-moderation.module.js';
import { ReviewService } from './pre-moderation/review.service.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

/**
 * Moderation: reports and their queue, decisions with statements of reasons, appeals,
 * pre-moderation's review queue, and the ban list.
 */
@Module({
  imports: [BanListModule, PreModerationModule, ResourcesModule],
  controllers: [ReportsController, DecisionsController, PreModerationController],
  providers: [ReportsRepository, ReportsService, DecisionsRepository, DecisionEffects, DecisionsService, ReviewService],
})
export class ModerationModule {}
