import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { StatsExportQuery, StatsQuery, StatsView } from '@lesplein/contracts/stats';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../core/auth/auth.decorators.js';
import { contentDisposition } from '../../../core/http/content-disposition.js';
import { ApiContract, ZQuery } from '../../../core/validation/zod.js';
import { StatsService } from './stats.service.js';

@ApiTags('administration')
@Roles('admin')
@Controller('api/admin/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @ApiContract({ query: StatsQuery, response: StatsView, summary: 'Admins: aggregated statistics per month (counts under 10 suppressed)' })
  view(@ZQuery(StatsQuery) query: { from?: string; to?: string }): Promise<StatsView> {
    return this.stats.view(query);
  }

  @Get('export.csv')
  @ApiContract({ query: StatsExportQuery, summary: 'Admins: one statistics table as CSV (counts under 10 left empty)' })
  async csv(@ZQuery(StatsExportQuery) query: { from?: string; to?: string; dataset: 'resources-by-subject' | 'resources-by-level' | 'activity' }, @Res() reply: FastifyReply): Promise<void> {
    const body = await this.stats.csv(query);
    await reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', contentDisposition(`stats-${query.dataset}.csv`, 'attachment')).header('cache-control', 'no-store').send(body);
  }
}
