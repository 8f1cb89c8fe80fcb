import { Module } from '@nestjs/common';
import { AuditBrowseController } from './audit-browse.controller.js';
import { AuditBrowseService } from './audit-browse.service.js';

/** Platform administration: the logbook (more admin tools follow with moderation). */
@Module({
  controllers: [AuditBrowseController],
  providers: [AuditBrowseService],
})
export class AdministrationModule {}
