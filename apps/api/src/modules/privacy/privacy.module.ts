import { Module } from '@nestjs/common';
import { DataExportModule } from './export/data-export.module.js';
import { MyDataController } from './my-data.controller.js';
import { MyDataRepository } from './my-data.repository.js';
import { MyDataService } from './my-data.service.js';

/** Members' rights: the "my data" overview (export and deletion follow). */
@Module({
  imports: [DataExportModule],
  controllers: [MyDataController],
  providers: [MyDataRepository, MyDataService],
})
export class PrivacyModule {}
