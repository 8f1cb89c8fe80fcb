import { Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, PageQuery } from '@lesplein/contracts/common';
import { FavouriteState } from '@lesplein/contracts/favourite';
import { ResourceIdParam, ResourceSummary } from '@lesplein/contracts/resource';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZParams, ZQuery } from '../../core/validation/zod.js';
import { FavouritesService } from './favourites.service.js';

@ApiTags('favourites')
@Controller('api')
export class FavouritesController {
  constructor(private readonly favourites: FavouritesService) {}

  @Public()
  @Get('resources/:id/favourite')
  @ApiContract({ params: ResourceIdParam, response: FavouriteState, summary: 'Favourite count, and whether it is mine' })
  state(@OptionalActor() actor: Actor | undefined, @ZParams(ResourceIdParam) params: { id: string }): Promise<FavouriteState> {
    return this.favourites.state(actor, params.id);
  }

  @Put('resources/:id/favourite')
  @RateLimit('favourite', 300, 3600)
  @ApiContract({ params: ResourceIdParam, response: FavouriteState, summary: 'Make a resource one of my favourites' })
  add(@CurrentActor() actor: Actor, @ZParams(ResourceIdParam) params: { id: string }): Promise<FavouriteState> {
    return this.favourites.add(actor, params.id);
  }

  @Delete('resources/:id/favourite')
  @RateLimit('favourite', 300, 3600)
  @ApiContract({ params: ResourceIdParam, response: FavouriteState, summary: 'No longer a favourite' })
  remove(@CurrentActor() actor: Actor, @ZParams(ResourceIdParam) params: { id: string }): Promise<FavouriteState> {
    return this.favourites.remove(actor, params.id);
  }

  @Get('account/favourites')
  @ApiContract({ query: PageQuery, response: Page(ResourceSummary), summary: 'My favourites' })
  mine(@CurrentActor() actor: Actor, @ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<Page<ResourceSummary>> {
    return this.favourites.mine(actor, query);
  }
}
