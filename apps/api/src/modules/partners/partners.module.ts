import { Module } from '@nestjs/common';
import { ConsentRecordsRepository } from './consent/consent-records.repository.js';
import { ConsentWithdrawalService } from './consent/consent-withdrawal.service.js';
import { OidcStoreRepository } from './oidc/oidc-store.repository.js';

/**
 * Partners (publishers): their registration by admins, the OpenID Connect provider they use,
 * members' consents as evidence, disclosures, and the member's "external authorisations".
 */
@Module({
  controllers: [],
  providers: [ConsentRecordsRepository, ConsentWithdrawalService, OidcStoreRepository],
  exports: [ConsentWithdrawalService],
})
export class PartnersModule {}
