import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module.js';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { AdminMembersController } from './admin-members.controller.js';
import { AdminMembersRepository } from './admin-members.repository.js';
import { AdminMembersService } from './admin-members.service.js';
import { AuditBrowseController } from './audit-browse.controller.js';
import { AuditBrowseService } from './audit-browse.service.js';
import { IncidentsController } from './incidents/incidents.controller.js';
import { IncidentsRepository } from './incidents/incidents.repository.js';
import { IncidentsService } from './incidents/incidents.service.js';
import { StatsController } from './stats/stats.controller.js';
import { StatsRepository } from './stats/stats.repository.js';
import { StatsService } from './stats/stats.service.js';
import { TaxonomyAdminController } from './taxonomy/taxonomy-admin.controller.js';
import { TaxonomyAdminRepository } from './taxonomy/taxonomy-admin.repository.js';
import { TaxonomyAdminService } from './taxonomy/taxonomy-admin.service.js';
import { RetentionRunsController } from './retention/retention-runs.controller.js';
import { RetentionRunsAdminService } from './retention/retention-runs.service.js';
import { SubProcessorsController } from './sub-processors/sub-processors.controller.js';
import { SubProcessorsRepository } from './sub-processors/sub-processors.repository.js';
import { SubProcessorsService } from './sub-processors/sub-processors.service.js';

/** Platform administration: the logbook, members' roles and the ban-list right, the incident register, the sub-processors, the statistics, the taxonomy and search synonyms, the record of retention runs. */
@Module({
  imports: [TaxonomyModule, SearchModule],
  controllers: [AuditBrowseController, AdminMembersController, IncidentsController, SubProcessorsController, StatsController, TaxonomyAdminController, RetentionRunsController],
  providers: [AuditBrowseService, AdminMembersRepository, AdminMembersService, IncidentsRepository, IncidentsService, SubProcessorsRepository, SubProcessorsService, StatsRepository, StatsService, TaxonomyAdminRepository, TaxonomyAdminService, RetentionRunsAdminService],
})
export class AdministrationModule {}
