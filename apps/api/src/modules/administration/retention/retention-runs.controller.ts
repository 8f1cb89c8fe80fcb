import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RetentionRunsPage, RetentionRunsQuery } from '@lesplein/contracts/retention';
import { Roles } from '../../../core/auth/auth.decorators.js';
import { ApiContract, ZQuery } from '../../../core/validation/zod.js';
import { RetentionRunsAdminService } from './retention-runs.service.js';

@ApiTags('administration')
@Controller('api/admin/retention-runs')
export class RetentionRunsController {
  constructor(private readonly runs: RetentionRunsAdminService) {}

  @Roles('admin')
  @Get()
  @ApiContract({ query: RetentionRunsQuery, response: RetentionRunsPage, summary: 'Admins: the record of retention runs (purges, inactive accounts), newest first' })
  page(@ZQuery(RetentionRunsQuery) query: { job?: string; cursor?: string; limit: number }): Promise<RetentionRunsPage> {
    return this.runs.page(query);
  }
}
