import { Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RateRequest, RatingSummary } from '@lesplein/contracts/rating';
import { ResourceIdParam } from '@lesplein/contracts/resource';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZParams } from '../../core/validation/zod.js';
import { RatingsService } from './ratings.service.js';

@ApiTags('ratings')
@Controller('api/resources/:id/rating')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Public()
  @Get()
  @ApiContract({ params: ResourceIdParam, response: RatingSummary, summary: 'Average score, number of ratings, and my score' })
  summary(@OptionalActor() actor: Actor | undefined, @ZParams(ResourceIdParam) params: { id: string }): Promise<RatingSummary> {
    return this.ratings.summary(actor, params.id);
  }

  @Put()
  @RateLimit('rating', 120, 3600)
  @ApiContract({ params: ResourceIdParam, body: RateRequest, response: RatingSummary, summary: 'Give or change my score (1–5) for a published resource that is not mine' })
  rate(@CurrentActor() actor: Actor, @ZParams(ResourceIdParam) params: { id: string }, @ZBody(RateRequest) body: { score: number }): Promise<RatingSummary> {
    return this.ratings.rate(actor, params.id, body.score);
  }

  @Delete()
  @RateLimit('rating', 120, 3600)
  @ApiContract({ params: ResourceIdParam, response: RatingSummary, summary: 'Remove my score' })
  remove(@CurrentActor() actor: Actor, @ZParams(ResourceIdParam) params: { id: string }): Promise<RatingSummary> {
    return this.ratings.remove(actor, params.id);
  }
}
