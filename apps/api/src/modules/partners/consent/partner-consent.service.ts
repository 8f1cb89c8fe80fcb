import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { PARTNER_SCOPES, type ConsentDecision, type ConsentRedirect, type ConsentRequestView, type PartnerScope } from '@lesplein/contracts/partner';
import type { Actor } from '../../../core/auth/actor.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { NotFound, ValidationFailed } from '../../../core/errors/domain-error.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { toPublicPartner } from '../admin/partner.mapper.js';
import { OidcClientsRepository } from '../oidc/oidc-clients.repository.js';
import { OidcInteractions, type PendingInteraction } from '../oidc/oidc-interactions.js';
import { OidcStoreRepository } from '../oidc/oidc-store.repository.js';
import { pairwiseSubject } from '../oidc/pairwise-subject.js';
import { Keys } from '../../../core/crypto/keys.js';
import { CONSENT_MAIL_JOB, type ConsentMailJob } from './consent-jobs.js';
import { ConsentRecordsRepository } from './consent-records.repository.js';
import { consentTextHash } from './consent-text.js';
import { lookAlikeOf } from './look-alike.js';

type Http = { req: IncomingMessage; res: ServerResponse };

/**
 * The consent screen's side: what a partner asks, and the member's decision. A decision to
 * allow records consent evidence (categories granted and refused, notice version, text hash,
 * language) in one transaction with the provider grant it carries; two tabs deciding the same
 * thing give one record.
 */
@Injectable()
export class PartnerConsentService {
  constructor(
    private readonly interactions: OidcInteractions,
    private readonly clients: OidcClientsRepository,
    private readonly records: ConsentRecordsRepository,
    private readonly store: OidcStoreRepository,
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobQueue,
    private readonly keys: Keys,
  ) {}

  async request(actor: Actor, uid: string, http: Http): Promise<ConsentRequestView> {
    const interaction = await this.interactions.load(http.req, http.res, uid);
    const { partner, notice, asked } = await this.partnerFor(interaction);
    const latest = await this.records.latest(actor.memberId, partner.id);
    const others = await this.clients.otherNames(partner.id);
    let reason: ConsentRequestView['reason'] = 'first_time';
    if (latest?.withdrawal) reason = 'withdrawn';
    else if (latest && latest.noticeId !== notice.id) reason = 'new_notice_version';
    else if (latest) reason = 'new_categories';
    return {
      uid,
      partner: toPublicPartner(partner),
      lookAlikeOf: lookAlikeOf(partner.name, others.map((other) => other.name)),
      scopes: asked,
      previouslyGranted: latest && !latest.withdrawal ? (latest.grantedScopes as PartnerScope[]) : [],
      reason,
      redirectHost: new URL(interaction.redirectUri).host,
    };
  }

  async decide(actor: Actor, uid: string, decision: ConsentDecision, http: Http): Promise<ConsentRedirect> {
    const interaction = await this.interactions.load(http.req, http.res, uid);
    const { partner, notice, asked } = await this.partnerFor(interaction);
    if (decision.decision === 'deny') {
      const redirectTo = await this.interactions.finish(http.req, http.res, { error: 'access_denied', error_description: 'The member did not consent' });
      return { redirectTo };
    }
    const unknown = decision.scopes.filter((scope) => !asked.includes(scope));
    if (unknown.length > 0) throw ValidationFailed([{ path: 'scopes', message: `Niet gevraagd / Not asked for: ${unknown.join(', ')}` }]);
    const granted = asked.filter((scope) => scope === 'openid' || decision.scopes.includes(scope));
    const refused = asked.filter((scope) => !granted.includes(scope));
    const language = decision.language ?? 'nl';

    const grantId = await this.transactions.run(async (tx) => {
      await this.records.lockPair(tx, actor.memberId, partner.id);
      const active = await this.records.active(actor.memberId, partner.id, tx);
      // The same decision taken in another tab a moment ago: reuse it, one record.
      if (active && active.noticeId === notice.id && sameSet(active.grantedScopes, granted) && (await this.interactions.grantExists(active.grantId))) return active.grantId as string;
      if (active) {
        // A new decision replaces the earlier one (new notice version or other categories).
        await this.records.withdraw(tx, active.id, 'member', null);
        if (active.grantId) await this.store.revokeGrant(tx, active.grantId);
      }
      const newGrantId = await this.interactions.saveGrant(actor.memberId, partner.clientId, granted, refused);
      const consent = await this.records.create(tx, {
        memberId: actor.memberId,
        subject: pairwiseSubject(this.keys, actor.memberId, partner.clientId),
        partnerId: partner.id,
        noticeId: notice.id,
        grantedScopes: granted,
        refusedScopes: refused,
        consentTextHash: consentTextHash({ partner, notice, asked, granted, refused, language }),
        language,
        grantId: newGrantId,
      });
      await this.jobs.enqueue(tx, CONSENT_MAIL_JOB, { consentId: consent.id, event: 'granted' } satisfies ConsentMailJob);
      return newGrantId;
    });

    await this.interactions.forgetOtherMember(http.req, http.res, actor.memberId);
    const redirectTo = await this.interactions.finish(http.req, http.res, { login: { accountId: actor.memberId }, consent: { grantId } });
    return { redirectTo };
  }

  /** The active partner behind a request, its current notice and the categories it may ask for. */
  private async partnerFor(interaction: PendingInteraction) {
    const partner = await this.clients.activeByClientId(interaction.clientId);
    const notice = partner?.notices[0];
    if (!partner || !notice) throw NotFound('Authorisation request');
    const requested = new Set(interaction.scope.split(' '));
    const asked = PARTNER_SCOPES.filter((scope) => scope === 'openid' || (requested.has(scope) && partner.allowedScopes.includes(scope)));
    return { partner, notice, asked };
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}
