import { Module } from '@nestjs/common';
import { AuthorisationsController } from './consent/authorisations.controller.js';
import { AuthorisationsService } from './consent/authorisations.service.js';
import { ConsentJobsService } from './consent/consent-jobs.service.js';
import { PartnerConsentController } from './consent/partner-consent.controller.js';
import { PartnerConsentService } from './consent/partner-consent.service.js';
import { MemberClaimsRepository } from './oidc/member-claims.repository.js';
import { OidcClientsRepository } from './oidc/oidc-clients.repository.js';
import { OidcInteractions } from './oidc/oidc-interactions.js';
import { OidcProviderService } from './oidc/oidc-provider.service.js';
import { SigningKeyRepository } from './oidc/signing-key.repository.js';
import { SigningKeys } from './oidc/signing-keys.js';
import { PartnerApiController } from './partner-api/partner-api.controller.js';
import { PartnerApiService } from './partner-api/partner-api.service.js';
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
  controllers: [PartnerAdminController, PartnerDirectoryController, PartnerConsentController, AuthorisationsController, PartnerApiController],
  providers: [
    ConsentRecordsRepository,
    ConsentWithdrawalService,
    OidcStoreRepository,
    OidcProviderService,
    OidcInteractions,
    OidcClientsRepository,
    MemberClaimsRepository,
    SigningKeyRepository,
    SigningKeys,
    PartnerConsentService,
    AuthorisationsService,
    ConsentJobsService,
    PartnerApiService,
    PartnersRepository, PartnerAdminService, PartnerDirectoryService],
  exports: [ConsentWithdrawalService, OidcProviderService],
})
export class PartnersModule {}
