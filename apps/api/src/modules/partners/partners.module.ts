import { Module } from '@nestjs/common';
import { ConsentRecordsRepository } from './consent/consent-records.repository.js';
import { ConsentWithdrawalService } from './consent/consent-withdrawal.service.js';
import { OidcStoreRepository } from './oidc/oidc-store.repository.js';
import { PartnerAdminController } from './admin/partner-admin.controller.js';
import { PartnerAdminService } from './admin/partner-admin.service.js';
import { PartnersRepository } from './admin/partners.repository.js';
import { PartnerDirectoryController } from './directory/partner-directory.controller.js';
import { PartnerDirectoryService } from './directory/partner-directory.service.js';

/**
 * Partners (publishers): their registration by admins, the OpenID Connect provider they use,
 * members' consents as evidence, disclosures, and the member's "external authorisations".
 */
@Module({
  controllers: [PartnerAdminController, PartnerDirectoryController],
  providers: [ConsentRecordsRepository, ConsentWithdrawalService, OidcStoreRepository, PartnersRepository, PartnerAdminService, PartnerDirectoryService],
  exports: [ConsentWithdrawalService],
})
export class PartnersModule {}
