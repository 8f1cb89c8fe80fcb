import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { z } from 'zod';
import { ApiTags } from '@nestjs/swagger';
import { AssignReportRequest, BulkReportRequest, BulkReportResult, ModerationQueueQuery } from '@lesplein/contracts/moderation';
import { CreateReportRequest, ReportCreated, ReportQueue } from '@lesplein/contracts/report';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZParams, ZQuery } from '../../core/validation/zod.js';

const ReportParam = z.strictObject({ id: z.uuid() });
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
  @ApiContract({ query: ModerationQueueQuery, response: ReportQueue, summary: 'Moderators: the report queue, filtered and sorted' })
  queue(
    @CurrentActor() actor: Actor,
    @ZQuery(ModerationQueueQuery) query: { status: 'open' | 'dismissed' | 'actioned'; targetType?: 'resource' | 'comment' | 'member' | 'message'; category?: 'spam' | 'copyright' | 'inappropriate' | 'harassment' | 'privacy' | 'other'; assigned: 'any' | 'me' | 'none'; sort: 'oldest' | 'newest'; cursor?: string; limit: number },
  ): Promise<ReportQueue> {
    return this.reports.queue(actor, query);
  }

  @Roles('moderator', 'admin')
  @Put('moderation/reports/:id/assignee')
  @HttpCode(204)
  @ApiContract({ params: ReportParam, body: AssignReportRequest, status: 204, summary: 'Moderators: take an open report, or give it back' })
  async assign(@CurrentActor() actor: Actor, @ZParams(ReportParam) params: { id: string }, @ZBody(AssignReportRequest) body: AssignReportRequest): Promise<void> {
    await this.reports.assign(actor, params.id, body.assignToMe);
  }

  @Roles('moderator', 'admin')
  @Post('moderation/reports/bulk')
  @HttpCode(200)
  @ApiContract({ body: BulkReportRequest, response: BulkReportResult, summary: 'Moderators: dismiss, take or give back many open reports at once' })
  bulk(@CurrentActor() actor: Actor, @ZBody(BulkReportRequest) body: BulkReportRequest): Promise<BulkReportResult> {
    return this.reports.bulk(actor, body);
  }
}
