import { Injectable } from '@nestjs/common';
import type { ConsentWithdrawnBy } from '@lesplein/contracts/partner';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { OidcStoreRepository } from '../oidc/oidc-store.repository.js';
import { ConsentRecordsRepository } from './consent-records.repository.js';
import { CONSENT_MAIL_JOB, PARTNER_NOTIFY_JOB } from './consent-jobs.js';

/**
 * The one way a consent ends, whoever ends it (member, admin, partner, account deletion): in a
 * single transaction it records the withdrawal, deletes the provider's grant and every code and
 * token of that member for that partner, and queues the partner's back-channel notice and the
 * member's receipt. Nothing is cached, so the next request with an old token fails at once.
 */
@Injectable()
export class ConsentWithdrawalService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly records: ConsentRecordsRepository,
    private readonly store: OidcStoreRepository,
    private readonly jobs: JobQueue,
  ) {}

  /** Withdraws one consent; false when it was already withdrawn (running it twice is harmless). */
  async withdraw(consentId: string, by: ConsentWithdrawnBy, actorId: string | null = null): Promise<boolean> {
    const consent = await this.records.byId(consentId);
    if (!consent) return false;
    return this.transactions.run(async (tx) => {
      const withdrawn = await this.records.withdraw(tx, consent.id, by, actorId);
      // Revoke even when already withdrawn: a token issued in a race is removed too.
      if (consent.memberId) await this.store.revokeMemberClient(tx, consent.memberId, consent.partner.clientId, consent.grantId);
      else if (consent.grantId) await this.store.revokeGrant(tx, consent.grantId);
      if (withdrawn) {
        await this.jobs.enqueue(tx, PARTNER_NOTIFY_JOB, { consentId: consent.id });
        if (consent.memberId && by !== 'account_deletion') await this.jobs.enqueue(tx, CONSENT_MAIL_JOB, { consentId: consent.id, event: 'withdrawn' });
      }
      return withdrawn;
    });
  }

  /** Withdraws every active consent of a member (revoke all, account deletion, ban). */
  async withdrawAllForMember(memberId: string, by: ConsentWithdrawnBy, actorId: string | null = null): Promise<number> {
    let count = 0;
    for (const { id } of await this.records.activeIdsForMember(memberId)) if (await this.withdraw(id, by, actorId)) count += 1;
    return count;
  }

  /** Withdraws every active consent given to a partner (suspension): members must consent again. */
  async withdrawAllForPartner(partnerId: string, by: ConsentWithdrawnBy, actorId: string | null = null): Promise<number> {
    let count = 0;
    for (const { id } of await this.records.activeIdsForPartner(partnerId)) if (await this.withdraw(id, by, actorId)) count += 1;
    return count;
  }
}
