import { Module } from '@nestjs/common';
import { AuditBrowseController } from './audit-browse.controller.js';
import { AuditBrowseService } from './audit-browse.service.js';
import { IncidentsController } from './incidents/incidents.controller.js';
import { IncidentsRepository } from './incidents/incidents.repository.js';
import { IncidentsService } from './incidents/incidents.service.js';
import { SubProcessorsController } from './sub-processors/sub-processors.controller.js';
import { SubProcessorsRepository } from './sub-processors/sub-processors.repository.js';
import { SubProcessorsService } from './sub-processors/sub-processors.service.js';

/** Platform administration: the logbook, the incident register, the sub-processors. */
@Module({
  controllers: [AuditBrowseController, IncidentsController, SubProcessorsController],
  providers: [AuditBrowseService, IncidentsRepository, IncidentsService, SubProcessorsRepository, SubProcessorsService],
})
export class AdministrationModule {}
