import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditPage, AuditQuery } from '@lesplein/contracts/audit';
import { Roles } from '../../core/auth/auth.decorators.js';
import { ApiContract, ZQuery } from '../../core/validation/zod.js';
import { AuditBrowseService } from './audit-browse.service.js';

@ApiTags('administration')
@Controller('api/admin/audit')
export class AuditBrowseController {
  constructor(private readonly audit: AuditBrowseService) {}

  @Roles('admin')
  @Get()
  @ApiContract({ query: AuditQuery, response: AuditPage, summary: 'Admins: the logbook of moderator, admin and security events, newest first' })
  page(
    @ZQuery(AuditQuery)
    query: { action?: string; actorId?: string; targetType?: string; targetId?: string; from?: string; to?: string; cursor?: string; limit: number },
  ): Promise<AuditPage> {
    return this.audit.page(query);
  }
}
