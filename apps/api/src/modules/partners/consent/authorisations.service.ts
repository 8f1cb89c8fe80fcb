import { Inject, Injectable } from '@nestjs/common';
import type { AuthorisationList, AuthorisationView, DisclosurePage, PartnerScope, WithdrawnCount } from '@lesplein/contracts/partner';
import { APP_CONFIG, type AppConfig } from '../../../config/env.js';
import type { Actor } from '../../../core/auth/actor.js';
import { NotFound } from '../../../core/errors/domain-error.js';
import { decodeCursor, pageOf } from '../../../core/pagination/cursor.js';
import { partnerLogoPath } from '../admin/partner.mapper.js';
import { consentReceipt, type ConsentReceipt } from './consent-receipt.js';
import { ConsentRecordsRepository } from './consent-records.repository.js';
import { ConsentWithdrawalService } from './consent-withdrawal.service.js';

type ConsentRow = Awaited<ReturnType<ConsentRecordsRepository['forMember']>>[number];

/** The member's "external authorisations": what each partner got, since when, and revoking it. */
@Injectable()
export class AuthorisationsService {
  constructor(
    private readonly records: ConsentRecordsRepository,
    private readonly withdrawal: ConsentWithdrawalService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor): Promise<AuthorisationList> {
    const rows = await this.records.forMember(actor.memberId);
    const views = rows.map(toView);
    return { active: views.filter((view) => !view.withdrawnAt), withdrawn: views.filter((view) => view.withdrawnAt) };
  }

  async disclosures(actor: Actor, consentId: string, query: { cursor?: string; limit: number }): Promise<DisclosurePage> {
    await this.own(actor, consentId);
    const rows = await this.records.disclosures(consentId, decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.disclosedAt, id: row.id }));
    return {
      items: page.items.map((row) => ({ id: row.id, channel: row.channel, categories: row.categories as PartnerScope[], disclosedAt: row.disclosedAt.toISOString() })),
      nextCursor: page.nextCursor,
    };
  }

  async receipt(actor: Actor, consentId: string): Promise<ConsentReceipt> {
    await this.own(actor, consentId);
    return this.receiptFor(consentId);
  }

  /** The receipt of any consent (also used for the e-mail after grant and withdrawal). */
  async receiptFor(consentId: string): Promise<ConsentReceipt> {
    const row = await this.records.forReceipt(consentId);
    if (!row) throw NotFound('Authorisation');
    return consentReceipt({
      consent: row,
      partner: row.partner,
      notice: row.notice,
      operator: { ...this.config.operator, publicUrl: this.config.publicUrl },
      memberEmail: row.member?.email ?? null,
    });
  }

  async revoke(actor: Actor, consentId: string): Promise<WithdrawnCount> {
    await this.own(actor, consentId);
    return { withdrawn: (await this.withdrawal.withdraw(consentId, 'member')) ? 1 : 0 };
  }

  async revokeAll(actor: Actor): Promise<WithdrawnCount> {
    return { withdrawn: await this.withdrawal.withdrawAllForMember(actor.memberId, 'member') };
  }

  /** 404 for a consent that is not the member's: nothing about other members leaks. */
  private async own(actor: Actor, consentId: string): Promise<void> {
    const consent = await this.records.byId(consentId);
    if (!consent || consent.memberId !== actor.memberId) throw NotFound('Authorisation');
  }
}

function toView(row: ConsentRow): AuthorisationView {
  const currentVersion = row.partner.notices[0]?.version ?? row.notice.version;
  return {
    consentId: row.id,
    partner: {
      id: row.partner.id,
      name: row.partner.name,
      legalName: row.partner.legalName,
      address: row.partner.address,
      contactEmail: row.partner.contactEmail,
      dpoEmail: row.partner.dpoEmail,
      // A suspended partner's logo is not served (it would be a broken image).
      logoUrl: row.partner.status === 'active' ? partnerLogoPath(row.partner) : null,
      websiteUrl: row.partner.websiteUrl,
      privacyPolicyUrl: row.partner.privacyPolicyUrl,
    },
    noticeVersion: row.notice.version,
    noticeOutdated: row.notice.version < currentVersion,
    grantedScopes: row.grantedScopes as PartnerScope[],
    refusedScopes: row.refusedScopes as PartnerScope[],
    grantedAt: row.grantedAt.toISOString(),
    lastDisclosureAt: row.disclosures[0]?.disclosedAt.toISOString() ?? null,
    withdrawnAt: row.withdrawal?.withdrawnAt.toISOString() ?? null,
    withdrawnBy: row.withdrawal?.withdrawnBy ?? null,
  };
}
