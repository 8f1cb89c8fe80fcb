import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SearchQuery, SearchResult, SuggestQuery, SuggestResult, type AgeBand, type MediaKind, type SearchSort } from '@lesplein/contracts/search';
import type { Licence, ResourceType } from '@lesplein/contracts/resource';
import type { Actor } from '../../core/auth/actor.js';
import { OptionalActor, Public } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZQuery } from '../../core/validation/zod.js';
import { SearchService } from './search.service.js';

@ApiTags('search')
@Controller('api/search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Public()
  @Get()
  @RateLimit('search', 120, 60)
  @ApiContract({ query: SearchQuery, response: SearchResult, summary: 'Search published resources: text, filters with facet counts, sort, highlights' })
  find(
    @OptionalActor() actor: Actor | undefined,
    @ZQuery(SearchQuery)
    query: {
      q: string;
      subject: string[];
      level: string[];
      type: ResourceType[];
      language: string[];
      licence: Licence[];
      age: AgeBand[];
      media: MediaKind[];
      sort?: SearchSort;
      cursor?: string;
      limit: number;
    },
  ): Promise<SearchResult> {
    return this.search.search(actor, query);
  }

  @Public()
  @Get('suggest')
  @RateLimit('search-suggest', 300, 60)
  @ApiContract({ query: SuggestQuery, response: SuggestResult, summary: 'Completions as the member types: terms and resource titles' })
  suggest(@ZQuery(SuggestQuery) query: { q: string; limit: number }): Promise<SuggestResult> {
    return this.search.suggest(query);
  }
}
