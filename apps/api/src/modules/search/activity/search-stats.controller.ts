import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SearchStats, SearchStatsQuery } from '@lesplein/contracts/search';
import { Roles } from '../../../core/auth/auth.decorators.js';
import { ApiContract, ZQuery } from '../../../core/validation/zod.js';
import { SearchStatsService } from './search-stats.service.js';

@ApiTags('admin')
@Controller('api/admin')
export class SearchStatsController {
  constructor(private readonly stats: SearchStatsService) {}

  @Roles('admin')
  @Get('search-stats')
  @ApiContract({ query: SearchStatsQuery, response: SearchStats, summary: 'Admins: search figures (top and zero-result queries), rare queries left out' })
  figures(@ZQuery(SearchStatsQuery) query: { from?: string; to?: string }): Promise<SearchStats> {
    return this.stats.figures(query);
  }
}
