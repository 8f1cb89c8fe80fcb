import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQuery } from '@lesplein/contracts/common';
import { PreModerationSettings, ReviewDecisionRequest, ReviewOutcome, ReviewQueue } from '@lesplein/contracts/moderation';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { CurrentActor, Roles } from '../../../core/auth/auth.decorators.js';
import { ApiContract, ZBody, ZParams, ZQuery } from '../../../core/validation/zod.js';
import { PreModeration } from './pre-moderation.js';
import { ReviewService } from './review.service.js';

const ResourceParam = z.strictObject({ id: z.uuid() });

@ApiTags('moderation')
@Controller('api')
export class PreModerationController {
  constructor(
    private readonly preModeration: PreModeration,
    private readonly review: ReviewService,
  ) {}

  @Roles('admin')
  @Get('admin/settings/pre-moderation')
  @ApiContract({ response: PreModerationSettings, summary: 'Admins: the pre-moderation setting' })
  settings(): Promise<PreModerationSettings> {
    return this.preModeration.settings();
  }

  @Roles('admin')
  @Put('admin/settings/pre-moderation')
  @ApiContract({ body: PreModerationSettings, response: PreModerationSettings, summary: 'Admins: off, every new resource, or each member\'s first N' })
  update(@CurrentActor() actor: Actor, @ZBody(PreModerationSettings) body: PreModerationSettings): Promise<PreModerationSettings> {
    return this.preModeration.update(actor, body);
  }

  @Roles('moderator', 'admin')
  @Get('moderation/review-queue')
  @ApiContract({ query: PageQuery, response: ReviewQueue, summary: 'Moderators: resources waiting for review, oldest first' })
  queue(@ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<ReviewQueue> {
    return this.review.queue(query);
  }

  @Roles('moderator', 'admin')
  @Post('moderation/review-queue/:id')
  @HttpCode(200)
  @ApiContract({ params: ResourceParam, body: ReviewDecisionRequest, response: ReviewOutcome, summary: 'Moderators: approve (publish) or reject with reasons' })
  decide(@CurrentActor() actor: Actor, @ZParams(ResourceParam) params: { id: string }, @ZBody(ReviewDecisionRequest) body: ReviewDecisionRequest): Promise<ReviewOutcome> {
    return this.review.decide(actor, params.id, body);
  }
}
