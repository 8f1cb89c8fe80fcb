import { Inject, Injectable } from '@nestjs/common';
import type { AccountDeletionView } from '@lesplein/contracts/account-deletion';
import { ProblemCode } from '@lesplein/contracts/common';
import { APP_CONFIG, type AppConfig } from '../../../config/env.js';
import { AuditLog } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import { randomToken, tokenHash } from '../../../core/crypto/keys.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { Conflict, DomainError, NotFound } from '../../../core/errors/domain-error.js';
import { Mailer } from '../../../core/mail/mailer.service.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { MembersRepository } from '../../accounts/members.repository.js';
import { Passwords } from '../../accounts/passwords.js';
import { invalidCode, TwoFactorService, wrongPassword } from '../../accounts/two-factor.service.js';
import { ConsentWithdrawalService } from '../../partners/consent/consent-withdrawal.service.js';
import { ACCOUNT_DELETION_JOB } from './deletion-job.js';
import { DeletionMails } from './deletion-mails.js';
import { toDeletionView } from './deletion.mapper.js';
import { DeletionRepository } from './deletion.repository.js';

const DAY = 24 * 3600 * 1000;

/**
 * A member asks to delete their account (password and, when enabled, a 2FA code again), and may
 * cancel during the grace period with the e-mailed link. Asking locks the account at once: its
 * sessions end and partner consents are withdrawn (partners notified); the deletion itself runs
 * when the grace period ends — at once for an account without resources or comments.
 */
@Injectable()
export class DeletionRequestService {
  constructor(
    private readonly deletions: DeletionRepository,
    private readonly members: MembersRepository,
    private readonly passwords: Passwords,
    private readonly twoFactor: TwoFactorService,
    private readonly withdrawals: ConsentWithdrawalService,
    private readonly mailer: Mailer,
    private readonly jobs: JobQueue,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(actor: Actor, input: { password: string; code?: string; contributions: 'keep_anonymous' | 'remove' }): Promise<AccountDeletionView> {
    const member = await this.members.findCredentialsById(actor.memberId);
    if (!member) throw NotFound('Member');
    if (!(await this.passwords.verify(member.passwordHash, input.password))) throw wrongPassword();
    if (member.totpEnabledAt) {
      if (!input.code) throw new DomainError(400, ProblemCode.secondFactorRequired, 'Enter a code from your authenticator app.', { errors: [{ path: 'code', message: 'Vul een code in / Enter a code' }] });
      if (!(await this.twoFactor.verifyCode(member.id, input.code))) throw invalidCode();
    }
    if (await this.deletions.findOpenForMember(member.id)) throw Conflict('This account is already being deleted.');
    const keepContributions = input.contributions === 'keep_anonymous';
    const now = new Date();
    const graceful = this.config.accountDeletionGraceDays > 0 && (await this.deletions.hasContributions(member.id));
    const executeAfter = graceful ? new Date(now.getTime() + this.config.accountDeletionGraceDays * DAY) : now;
    const token = graceful ? randomToken() : null;
    const deletion = await this.tx.run(async (tx) => {
      const created = await this.deletions.create(tx, { memberId: member.id, keepContributions, executeAfter, cancelTokenHash: token ? tokenHash(token) : null, status: graceful ? 'scheduled' : 'running', reason: 'member_request' });
      await this.deletions.setMemberStatus(tx, member.id, null, 'deletion_pending');
      await this.deletions.endSessions(tx, member.id);
      await this.audit.record(tx, { actor, action: 'member.deletion_requested', targetType: 'member', targetId: member.id, details: { contributions: input.contributions, executeAfter: executeAfter.toISOString() } });
      if (token) await this.mailer.queue(tx, DeletionMails.scheduled(member.email, member.firstName, member.locale, executeAfter, keepContributions, `${this.config.publicUrl}/account-deletion/${token}`));
      else await this.jobs.enqueue(tx, ACCOUNT_DELETION_JOB, { deletionId: created.id });
      return created;
    });
    // Partner grants and tokens end now (the job does it again, in case this process stops here).
    await this.withdrawals.withdrawAllForMember(member.id, 'account_deletion');
    return toDeletionView(deletion, now);
  }

  /** The state of a deletion, for the page the cancel link opens. */
  async statusByToken(token: string): Promise<AccountDeletionView> {
    const deletion = await this.deletions.findByTokenHash(tokenHash(token));
    if (!deletion) throw NotFound('Deletion request');
    return toDeletionView(deletion, new Date());
  }

  /** Cancels during the grace period: the account is unlocked (partner consents stay withdrawn). */
  async cancel(token: string): Promise<AccountDeletionView> {
    const deletion = await this.deletions.findByTokenHash(tokenHash(token));
    if (!deletion?.memberId) throw NotFound('Deletion request');
    const memberId = deletion.memberId;
    const now = new Date();
    const member = await this.members.findCredentialsById(memberId);
    const cancelled = await this.tx.run(async (tx) => {
      if (!(await this.deletions.cancel(tx, deletion.id, now))) return false;
      await this.deletions.setMemberStatus(tx, memberId, 'deletion_pending', 'active');
      await this.audit.record(tx, { actor: null, action: 'member.deletion_cancelled', targetType: 'member', targetId: memberId });
      if (member) await this.mailer.queue(tx, DeletionMails.cancelled(member.email, member.firstName, member.locale));
      return true;
    });
    if (!cancelled) throw Conflict('The grace period is over: the deletion can no longer be cancelled.');
    return toDeletionView({ ...deletion, status: 'cancelled' }, now);
  }
}
