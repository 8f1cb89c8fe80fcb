import { Injectable } from '@nestjs/common';
import { Keys } from '../../../core/crypto/keys.js';
import { Unauthenticated } from '../../../core/errors/domain-error.js';
import { ConsentRecordsRepository } from '../consent/consent-records.repository.js';
import { ConsentWithdrawalService } from '../consent/consent-withdrawal.service.js';
import { disclosedScopes, memberClaims } from '../oidc/member-claims.js';
import { MemberClaimsRepository } from '../oidc/member-claims.repository.js';
import { OidcClientsRepository } from '../oidc/oidc-clients.repository.js';
import { OidcProviderService } from '../oidc/oidc-provider.service.js';
import { pairwiseSubject } from '../oidc/pairwise-subject.js';

/**
 * The small API partners call with a member's access token: the same data as userinfo, and a way
 * for the partner to end the consent itself. Every answer is checked against the stored token and
 * the active consent at that moment, so a withdrawal takes effect on the next call.
 */
@Injectable()
export class PartnerApiService {
  constructor(
    private readonly oidc: OidcProviderService,
    private readonly clients: OidcClientsRepository,
    private readonly records: ConsentRecordsRepository,
    private readonly members: MemberClaimsRepository,
    private readonly withdrawal: ConsentWithdrawalService,
    private readonly keys: Keys,
  ) {}

  async me(authorization: string | undefined): Promise<Record<string, unknown>> {
    const { token, partner, consent, memberId } = await this.authorise(authorization);
    const member = await this.members.activeMember(memberId);
    if (!member) throw invalidToken();
    const scopes = disclosedScopes(token.scope ?? '', consent.grantedScopes);
    await this.records.logDisclosure({ memberId, partnerId: partner.id, consentId: consent.id, channel: 'partner_api', categories: ['openid', ...scopes] });
    return { sub: pairwiseSubject(this.keys, memberId, partner.clientId), ...memberClaims(member, scopes) };
  }

  /** The partner ends the consent (e.g. the member closed their account with the partner). */
  async withdraw(authorization: string | undefined): Promise<void> {
    const { consent } = await this.authorise(authorization);
    await this.withdrawal.withdraw(consent.id, 'partner');
  }

  private async authorise(authorization: string | undefined) {
    const value = /^Bearer ([A-Za-z0-9._~+/-]{20,200}=*)$/.exec(authorization ?? '')?.[1];
    if (!value) throw invalidToken();
    const token = await this.oidc.provider.AccessToken.find(value);
    if (!token || token.isExpired || !token.accountId || !token.clientId) throw invalidToken();
    const partner = await this.clients.activeByClientId(token.clientId);
    const consent = partner ? await this.records.active(token.accountId, partner.id) : null;
    if (!partner || !consent || consent.grantId !== token.grantId) throw invalidToken();
    return { token, partner, consent, memberId: token.accountId };
  }
}

function invalidToken() {
  return Unauthenticated('The access token is missing, expired or revoked.');
}
