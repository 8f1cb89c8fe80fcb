import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ok } from '@lesplein/contracts/common';
import { SavedSearch, SavedSearchIdParam, SavedSearchList, SavedSearchRequest, UpdateSavedSearchRequest, type SearchFilters } from '@lesplein/contracts/search';
import type { Actor } from '../../../core/auth/actor.js';
import { CurrentActor } from '../../../core/auth/auth.decorators.js';
import { RateLimit } from '../../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZParams } from '../../../core/validation/zod.js';
import { SavedSearchesService } from './saved-searches.service.js';

/** The member's saved searches with alerts for new matches. */
@ApiTags('account')
@Controller('api/account/saved-searches')
export class SavedSearchesController {
  constructor(private readonly saved: SavedSearchesService) {}

  @Post()
  @RateLimit('saved-search', 60, 3600)
  @ApiContract({ body: SavedSearchRequest, response: SavedSearch, status: 201, summary: 'Save a search, with an alert for new matches' })
  create(@CurrentActor() actor: Actor, @ZBody(SavedSearchRequest) body: { name: string; filters: SearchFilters; alert: boolean }): Promise<SavedSearch> {
    return this.saved.create(actor, body);
  }

  @Get()
  @ApiContract({ response: SavedSearchList, summary: 'My saved searches, newest first' })
  list(@CurrentActor() actor: Actor): Promise<SavedSearchList> {
    return this.saved.list(actor);
  }

  @Patch(':id')
  @ApiContract({ params: SavedSearchIdParam, body: UpdateSavedSearchRequest, response: SavedSearch, summary: 'Rename a saved search, change its filters or switch its alert' })
  update(
    @CurrentActor() actor: Actor,
    @ZParams(SavedSearchIdParam) params: { id: string },
    @ZBody(UpdateSavedSearchRequest) body: { name?: string; filters?: SearchFilters; alert?: boolean },
  ): Promise<SavedSearch> {
    return this.saved.update(actor, params.id, body);
  }

  @Delete(':id')
  @ApiContract({ params: SavedSearchIdParam, response: Ok, summary: 'Delete a saved search' })
  async remove(@CurrentActor() actor: Actor, @ZParams(SavedSearchIdParam) params: { id: string }): Promise<Ok> {
    await this.saved.remove(actor, params.id);
    return { ok: true };
  }
}
