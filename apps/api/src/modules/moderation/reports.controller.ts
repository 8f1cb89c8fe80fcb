import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQuery } from '@lesplein/contracts/common';
import { CreateReportRequest, ReportCreated, ReportQueue } from '@lesplein/contracts/report';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZQuery } from '../../core/validation/zod.js';
import { ReportsService } from './reports.service.js';

@ApiTags('moderation')
@Controller('api')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('reports')
  @RateLimit('report', 30, 3600)
  @ApiContract({ body: CreateReportRequest, response: ReportCreated, status: 201, summary: 'Report a resource, comment, profile or message to the moderators' })
  report(@CurrentActor() actor: Actor, @ZBody(CreateReportRequest) body: CreateReportRequest): Promise<ReportCreated> {
    return this.reports.report(actor, body);
  }

  @Roles('moderator', 'admin')
  @Get('moderation/reports')
  @ApiContract({ query: PageQuery, response: ReportQueue, summary: 'Moderators: open reports, oldest first' })
  queue(@ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<ReportQueue> {
    return this.reports.queue(query);
  }
}
