import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQuery } from '@lesplein/contracts/common';
import {
  AppealDecisionRequest,
  AppealQueue,
  AppealRequest,
  AppealWithTokenRequest,
  DecisionList,
  DecisionRequest,
  DecisionView,
} from '@lesplein/contracts/moderation';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { CurrentActor, Public, Roles, SkipCsrf } from '../../../core/auth/auth.decorators.js';
import { RateLimit } from '../../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZParams, ZQuery } from '../../../core/validation/zod.js';
import { DecisionsService } from './decisions.service.js';

const IdParam = z.strictObject({ id: z.uuid() });
type Page = { cursor?: string; limit: number };

@ApiTags('moderation')
@Controller('api')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Roles('moderator', 'admin')
  @Post('moderation/decisions')
  @ApiContract({ body: DecisionRequest, response: DecisionView, status: 201, summary: 'Moderators: decide on a target (dismiss, hide, remove, warn, suspend); sends the statement of reasons' })
  decide(@CurrentActor() actor: Actor, @ZBody(DecisionRequest) body: DecisionRequest): Promise<DecisionView> {
    return this.decisions.decide(actor, body);
  }

  @Roles('moderator', 'admin')
  @Get('moderation/appeals')
  @ApiContract({ query: PageQuery, response: AppealQueue, summary: 'Moderators: open appeals, oldest first' })
  appeals(@ZQuery(PageQuery) query: Page): Promise<AppealQueue> {
    return this.decisions.openAppeals(query);
  }

  @Roles('moderator', 'admin')
  @Post('moderation/appeals/:id/decision')
  @ApiContract({ params: IdParam, body: AppealDecisionRequest, response: DecisionView, status: 201, summary: 'Moderators: uphold or overturn an appeal (not against one\'s own decision)' })
  decideAppeal(@CurrentActor() actor: Actor, @ZParams(IdParam) params: { id: string }, @ZBody(AppealDecisionRequest) body: AppealDecisionRequest): Promise<DecisionView> {
    return this.decisions.decideAppeal(actor, params.id, body);
  }

  @Get('account/decisions')
  @ApiContract({ query: PageQuery, response: DecisionList, summary: 'Moderation decisions about the member, with their statements of reasons and appeals' })
  mine(@CurrentActor() actor: Actor, @ZQuery(PageQuery) query: Page): Promise<DecisionList> {
    return this.decisions.mine(actor, query);
  }

  @Post('account/decisions/:id/appeal')
  @RateLimit('appeal', 10, 3600)
  @ApiContract({ params: IdParam, body: AppealRequest, response: DecisionView, status: 201, summary: 'Appeal a decision once' })
  appeal(@CurrentActor() actor: Actor, @ZParams(IdParam) params: { id: string }, @ZBody(AppealRequest) body: AppealRequest): Promise<DecisionView> {
    return this.decisions.appeal(actor, params.id, body.text);
  }

  @Public()
  @SkipCsrf()
  @Post('moderation/decisions/:id/appeal-with-token')
  @RateLimit('appeal', 10, 3600)
  @ApiContract({ params: IdParam, body: AppealWithTokenRequest, response: DecisionView, status: 201, summary: 'Appeal with the link from the statement of reasons (works while suspended)' })
  appealWithToken(@ZParams(IdParam) params: { id: string }, @ZBody(AppealWithTokenRequest) body: AppealWithTokenRequest): Promise<DecisionView> {
    return this.decisions.appealWithToken(params.id, body.token, body.text);
  }
}
