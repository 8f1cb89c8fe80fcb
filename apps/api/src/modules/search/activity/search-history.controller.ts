import { Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ok, PageQuery } from '@lesplein/contracts/common';
import { SearchHistoryCleared, SearchHistoryIdParam, SearchHistoryPage, SearchHistorySettings } from '@lesplein/contracts/search';
import type { Actor } from '../../../core/auth/actor.js';
import { CurrentActor } from '../../../core/auth/auth.decorators.js';
import { ApiContract, ZBody, ZParams, ZQuery } from '../../../core/validation/zod.js';
import { SearchHistoryService } from './search-history.service.js';

/** The member's own search history. */
@ApiTags('account')
@Controller('api/account/search-history')
export class SearchHistoryController {
  constructor(private readonly history: SearchHistoryService) {}

  @Get()
  @ApiContract({ query: PageQuery, response: SearchHistoryPage, summary: 'My searches, most recent first' })
  list(@CurrentActor() actor: Actor, @ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<SearchHistoryPage> {
    return this.history.list(actor, query);
  }

  @Get('settings')
  @ApiContract({ response: SearchHistorySettings, summary: 'Whether my search history is paused' })
  settings(@CurrentActor() actor: Actor): Promise<SearchHistorySettings> {
    return this.history.settings(actor);
  }

  @Put('settings')
  @ApiContract({ body: SearchHistorySettings, response: SearchHistorySettings, summary: 'Pause or resume my search history' })
  setSettings(@CurrentActor() actor: Actor, @ZBody(SearchHistorySettings) body: { paused: boolean }): Promise<SearchHistorySettings> {
    return this.history.setPaused(actor, body.paused);
  }

  @Delete(':id')
  @ApiContract({ params: SearchHistoryIdParam, response: Ok, summary: 'Delete one search from my history' })
  async remove(@CurrentActor() actor: Actor, @ZParams(SearchHistoryIdParam) params: { id: string }): Promise<Ok> {
    await this.history.remove(actor, params.id);
    return { ok: true };
  }

  @Delete()
  @ApiContract({ response: SearchHistoryCleared, summary: 'Delete my whole search history' })
  clear(@CurrentActor() actor: Actor): Promise<SearchHistoryCleared> {
    return this.history.clear(actor);
  }
}
