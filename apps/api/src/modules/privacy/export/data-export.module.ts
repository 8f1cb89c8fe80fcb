import { Module } from '@nestjs/common';
import { DataExportController } from './data-export.controller.js';
import { DataExportJob } from './data-export.job.js';
import { DataExportRepository } from './data-export.repository.js';
import { DataExportRetention } from './data-export-retention.service.js';
import { DataExportService } from './data-export.service.js';
import { ExportArchiveBuilder } from './export-builder.js';
import { ExportSourcesRepository } from './export-sources.repository.js';

/** The member's data export (GDPR art. 15 and 20): requests, the archive job, downloads and retention. */
@Module({
  controllers: [DataExportController],
  providers: [DataExportRepository, ExportSourcesRepository, ExportArchiveBuilder, DataExportJob, DataExportService, DataExportRetention],
  exports: [DataExportRetention, DataExportJob],
})
export class DataExportModule {}
