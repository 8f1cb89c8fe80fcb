import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { PartnersModule } from '../partners/partners.module.js';
import { DeletionController } from './deletion/deletion.controller.js';
import { DeletionJob } from './deletion/deletion-job.js';
import { DeletionLedgerRepository } from './deletion/deletion-ledger.repository.js';
import { DeletionLedgerService } from './deletion/deletion-ledger.service.js';
import { DeletionRequestService } from './deletion/deletion-request.service.js';
import { DeletionRules } from './deletion/deletion-rules.js';
import { DeletionRepository } from './deletion/deletion.repository.js';
import { InactiveAccountsService } from './deletion/inactive-accounts.service.js';
import { DataExportModule } from './export/data-export.module.js';
import { MyDataController } from './my-data.controller.js';
import { MyDataRepository } from './my-data.repository.js';
import { MyDataService } from './my-data.service.js';

/** Members' rights: the "my data" overview, export, and account deletion. */
@Module({
  imports: [AccountsModule, PartnersModule, DataExportModule],
  controllers: [MyDataController, DeletionController],
  providers: [MyDataRepository, MyDataService, DeletionRepository, DeletionRules, DeletionJob, DeletionRequestService, DeletionLedgerRepository, DeletionLedgerService, InactiveAccountsService],
  exports: [DeletionJob, DeletionLedgerService, InactiveAccountsService],
})
export class PrivacyModule {}
