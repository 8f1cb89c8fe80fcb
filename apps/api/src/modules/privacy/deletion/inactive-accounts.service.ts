import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/env.js';
import { AuditLog } from '../../../core/audit/audit-log.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { Mailer } from '../../../core/mail/mailer.service.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { ACCOUNT_DELETION_JOB } from './deletion-job.js';
import { DeletionMails } from './deletion-mails.js';
import { DeletionRepository } from './deletion.repository.js';

export const INACTIVE_ACCOUNTS_JOB = 'privacy.inactive-accounts';
const DAY = 24 * 3600 * 1000;
const BATCH = 200;

/**
 * Retention of unused accounts (daily): a member who has not logged in for INACTIVE_ACCOUNT_DAYS
 * (3 years) minus INACTIVITY_WARNING_DAYS (30) is warned by e-mail; one still unused when the
 * warning is that old is deleted like a member's own request (contributions kept without their
 * name). Logging in in between is enough: a warning older than the last activity no longer counts.
 * Admin accounts are left alone (their removal is for the other admins to decide).
 */
@Injectable()
export class InactiveAccountsService implements OnModuleInit {
  constructor(
    private readonly deletions: DeletionRepository,
    private readonly mailer: Mailer,
    private readonly jobs: JobQueue,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Exclusive: two runs at once could warn a member twice.
    this.jobs.define({ name: INACTIVE_ACCOUNTS_JOB, cron: '10 2 * * *', retryLimit: 2, expireInSeconds: 1800, exclusive: () => 'all', retention: true, handler: () => this.run() });
  }

  async run(now = new Date()): Promise<{ warned: number; deletionsStarted: number }> {
    const inactiveSince = new Date(now.getTime() - this.config.inactiveAccountDays * DAY);
    const warnSince = new Date(inactiveSince.getTime() + this.config.inactivityWarningDays * DAY);
    let warned = 0;
    for (;;) {
      const members = await this.deletions.toWarn(warnSince, BATCH);
      for (const member of members) {
        await this.tx.run(async (tx) => {
          await this.deletions.markWarned(tx, member.id, now);
          await this.mailer.queue(tx, DeletionMails.inactivityWarning(member.email, member.firstName, member.locale, new Date(now.getTime() + this.config.inactivityWarningDays * DAY), `${this.config.publicUrl}/login`));
        });
      }
      warned += members.length;
      if (members.length < BATCH) break;
    }
    let deletionsStarted = 0;
    for (;;) {
      const ids = await this.deletions.toDelete(inactiveSince, new Date(now.getTime() - this.config.inactivityWarningDays * DAY), BATCH);
      for (const memberId of ids) {
        await this.tx.run(async (tx) => {
          const deletion = await this.deletions.create(tx, { memberId, keepContributions: true, executeAfter: now, cancelTokenHash: null, status: 'running', reason: 'inactivity' });
          await this.deletions.setMemberStatus(tx, memberId, 'active', 'deletion_pending');
          await this.deletions.endSessions(tx, memberId);
          await this.audit.record(tx, { actor: null, action: 'member.deletion_requested', targetType: 'member', targetId: memberId, details: { reason: 'inactivity' } });
          await this.jobs.enqueue(tx, ACCOUNT_DELETION_JOB, { deletionId: deletion.id });
        });
      }
      deletionsStarted += ids.length;
      if (ids.length < BATCH) break;
    }
    return { warned, deletionsStarted };
  }
}
