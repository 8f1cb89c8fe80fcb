import path from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AuditLog } from '../../../core/audit/audit-log.js';
import { Keys } from '../../../core/crypto/keys.js';
import { apiPackageDir } from '../../../core/database/migrations.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { Mailer } from '../../../core/mail/mailer.service.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { readInventory } from '../../../core/privacy/pii-inventory.js';
import { formerHandleHash } from '../../accounts/handles.js';
import { loginEmailHash } from '../../accounts/login-email-hash.js';
import { ConsentWithdrawalService } from '../../partners/consent/consent-withdrawal.service.js';
import { buildDeletionPlan, type DeletionStep, type SpecialStep } from './deletion-plan.js';
import { DeletionLedgerService } from './deletion-ledger.service.js';
import { DeletionMails } from './deletion-mails.js';
import { DeletionRepository, type DeletionRow, type MemberForDeletion } from './deletion.repository.js';
import { DeletionRules, type Progress } from './deletion-rules.js';

export const ACCOUNT_DELETION_JOB = 'privacy.account-deletion';
export const DELETIONS_DUE_JOB = 'privacy.deletions-due';

/**
 * Carries out account deletions: the plan derived from the data inventory, step by step, each
 * step in small batches, the step reached recorded on the request so a job killed halfway
 * resumes there (and any step run twice is harmless). Started by a job per request: at once for
 * an account without contributions, otherwise when the grace period ends (a job every minute
 * claims the due requests).
 */
@Injectable()
export class DeletionJob implements OnModuleInit {
  private readonly logger = new Logger('AccountDeletion');
  private plan?: DeletionStep[];

  constructor(
    private readonly repository: DeletionRepository,
    private readonly rules: DeletionRules,
    private readonly ledger: DeletionLedgerService,
    private readonly withdrawals: ConsentWithdrawalService,
    private readonly mailer: Mailer,
    private readonly jobs: JobQueue,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly keys: Keys,
  ) {}

  onModuleInit(): void {
    // Exclusive: two runs of one deletion at once could send the farewell mail and write the audit entry twice.
    this.jobs.define<{ deletionId: string }>({ name: ACCOUNT_DELETION_JOB, retryLimit: 50, expireInSeconds: 1800, exclusive: (data) => data.deletionId, handler: async (data) => void (await this.run(data.deletionId)) });
    this.jobs.define({ name: DELETIONS_DUE_JOB, cron: '* * * * *', retryLimit: 2, expireInSeconds: 60, handler: async () => void (await this.startDue()) });
    this.ledger.onReapply(async (memberId, entry) => {
      const deletion = await this.tx.run((tx) => this.repository.create(tx, { memberId, keepContributions: entry.keepContributions, executeAfter: new Date(), cancelTokenHash: null, status: 'running', reason: entry.reason }));
      await this.run(deletion.id);
    });
  }

  /** The steps, from the schema's @pii tags (read on first use). */
  steps(): DeletionStep[] {
    this.plan ??= buildDeletionPlan(readInventory(path.join(apiPackageDir, 'prisma')));
    return this.plan;
  }

  /** Claims the requests whose grace period is over and queues their jobs (the outbox rule). */
  async startDue(now = new Date()): Promise<number> {
    return this.tx.run(async (tx) => {
      const ids = await this.repository.claimDue(tx, now);
      for (const deletionId of ids) await this.jobs.enqueue(tx, ACCOUNT_DELETION_JOB, { deletionId });
      return ids.length;
    });
  }

  /**
   * Runs (or resumes) every deletion that is due or running, in this process: the CLI's
   * `deletions:run`. Through the queue's exclusive lock, so one a worker is running is waited for.
   */
  async runAllNow(): Promise<number> {
    await this.startDue();
    const running = await this.repository.runningIds();
    for (const { id } of running) await this.jobs.runNow(ACCOUNT_DELETION_JOB, { deletionId: id });
    return running.length;
  }

  /** Runs one deletion to the end, resuming after the last step it completed. */
  async run(deletionId: string): Promise<'completed' | 'not-due'> {
    const deletion = await this.repository.find(deletionId);
    if (!deletion || deletion.status === 'cancelled' || deletion.status === 'scheduled') return 'not-due';
    if (deletion.status === 'completed') return 'completed';
    const member = deletion.memberId ? await this.repository.memberForDeletion(deletion.memberId) : null;
    if (!member) {
      // The member row is gone: only the final bookkeeping can be left.
      await this.tx.run((tx) => this.repository.complete(tx, deletion.id));
      return 'completed';
    }
    const steps = this.steps();
    // `step` is the last finished step, or "key#cursor" for a step interrupted at a cursor.
    const [reached, cursor] = deletion.step.split('#') as [string, string | undefined];
    const index = steps.findIndex((step) => step.key === reached);
    const start = index < 0 ? 0 : cursor === undefined ? index + 1 : index;
    for (let i = start; i < steps.length; i++) {
      const step = steps[i]!;
      const progress: Progress = (rows, at) => this.repository.progress(deletion.id, at === undefined ? null : `${step.key}#${at}`, rows);
      await this.runStep(step, deletion, member, i === start ? cursor : undefined, progress);
      if (step.kind === 'special' && step.name === 'member-row') return 'completed';
      await this.repository.progress(deletion.id, step.key, 0);
    }
    return 'completed';
  }

  private async runStep(step: DeletionStep, deletion: DeletionRow, member: MemberForDeletion, cursor: string | undefined, progress: Progress): Promise<void> {
    if (step.kind === 'delete') return this.rules.deleteLinked(step.link, member.id, progress);
    if (step.kind === 'detach') return this.rules.detachLinked(step.link, step.clear, member.id, progress);
    return this.special(step.name, deletion, member, cursor, progress);
  }

  private async special(name: SpecialStep, deletion: DeletionRow, member: MemberForDeletion, cursor: string | undefined, progress: Progress): Promise<void> {
    switch (name) {
      case 'partners': {
        // Partners are told through the outbox (signed notice); the consent records stay as evidence, without the member.
        await progress(await this.withdrawals.withdrawAllForMember(member.id, 'account_deletion'));
        return this.rules.detachLinked({ table: 'PartnerConsent', column: 'memberId', uuid: true }, [], member.id, progress);
      }
      case 'contributions':
        return this.rules.contributions(member, deletion.keepContributions, cursor, progress);
      case 'mentions':
        return this.rules.mentions(member, progress);
      case 'ratings':
        return this.rules.ratings(member.id, progress);
      case 'exports':
        return this.rules.exports(member.id, progress);
      case 'conversations':
        return this.rules.conversations(member, progress);
      case 'messages':
        return this.rules.messages(member.id, progress);
      case 'appeals':
        return this.rules.appeals(member, progress);
      case 'reports':
        return this.rules.reports(member, progress);
      case 'search-documents':
        return this.rules.searchDocuments(member.id, progress);
      case 'login-attempts': {
        await this.rules.deleteLinked({ table: 'LoginAttempt', column: 'memberId', uuid: true }, member.id, progress);
        const hash = loginEmailHash(this.keys, member.email);
        return this.rules.deleteByEmailHash(hash, progress);
      }
      case 'former-handle':
        return this.repository.addFormerHandle(formerHandleHash(this.keys, member.handle));
      // First, so no queued mail reaches the member (or a pending new address) afterwards; again at
      // the end, for a job that was being worked on the first time (a mail being sent). Mails to
      // others naming the member (notifications) count too; short names would match too much.
      case 'job-payloads':
      case 'job-payloads-again': {
        const needles = [member.id, member.email, ...(await this.repository.pendingEmails(member.id)), `${member.firstName} ${member.lastName}`];
        await progress(await this.repository.deleteJobPayloads(needles.filter((needle) => needle.length >= 6)));
        return;
      }
      case 'farewell-mail':
        // Sent directly, not through the outbox, so no copy of the address stays in the job tables.
        // A re-application after a restore (the ledger knows the id already) stays silent.
        if (!(await this.ledger.has(member.id))) await this.mailer.deliver(DeletionMails.completed(member.email, member.firstName, member.locale));
        return;
      case 'ledger':
        return this.ledger.record(member.id, deletion.keepContributions, deletion.reason);
      case 'member-row':
        await this.tx.run(async (tx) => {
          await this.repository.deleteMember(tx, member.id);
          await this.repository.complete(tx, deletion.id);
          await this.audit.record(tx, { actor: null, action: 'member.deleted', targetType: 'member', targetId: member.id, details: { contributions: deletion.keepContributions ? 'keep_anonymous' : 'remove', reason: deletion.reason } });
        });
        this.logger.log(`Account deletion ${deletion.id} completed`);
        return;
    }
  }
}

