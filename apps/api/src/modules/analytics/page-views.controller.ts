import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageViewStats, PageViewStatsQuery, RecordPageView } from '@lesplein/contracts/analytics';
import type { AnalyticsRoute } from '@lesplein/contracts/analytics-routes';
import { Public, Roles, SkipCsrf } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZQuery } from '../../core/validation/zod.js';
import { PageViewsService } from './page-views.service.js';

@ApiTags('analytics')
@Controller('api')
export class PageViewsController {
  constructor(private readonly pageViews: PageViewsService) {}

  /**
   * Counts one page view. The web client calls it without cookies and only after the visitor
   * allowed statistics; it is authorised by nothing (an anonymous counter), so no CSRF token.
   */
  @Public()
  @SkipCsrf()
  @Post('analytics/page-views')
  @HttpCode(204)
  @RateLimit('page-view', 120, 60)
  @ApiContract({ body: RecordPageView, status: 204, summary: 'Count one page view under its route pattern (after consent; no cookie, no identifier)' })
  async record(@ZBody(RecordPageView) body: { route: AnalyticsRoute }): Promise<void> {
    await this.pageViews.record(body.route);
  }

  @Roles('admin')
  @Get('admin/analytics/page-views')
  @ApiContract({ query: PageViewStatsQuery, response: PageViewStats, summary: 'Admins: page views per route pattern and per day (counts under 10 suppressed)' })
  stats(@ZQuery(PageViewStatsQuery) query: { from?: string; to?: string }): Promise<PageViewStats> {
    return this.pageViews.stats(query);
  }
}
