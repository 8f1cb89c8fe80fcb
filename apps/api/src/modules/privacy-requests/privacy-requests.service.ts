import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type {
  AdminPrivacyRequest,
  AdminPrivacyRequestList,
  AnswerPrivacyRequest,
  MyPrivacyRequestList,
  NewPrivacyRequest,
  PrivacyRequestKind,
  PrivacyRequestReceipt,
  PrivacyRequestStatus,
} from '@lesplein/contracts/privacy-request';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import { AuditLog } from '../../core/audit/audit-log.js';
import type { Actor } from '../../core/auth/actor.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { Conflict, NotFound, ValidationFailed } from '../../core/errors/domain-error.js';
import { Mailer } from '../../core/mail/mailer.service.js';
import { JobQueue } from '../../core/outbox/job-queue.js';
import { oneMonthAfter } from './one-month-after.js';
import { outcomeMail } from './privacy-request-mails.js';
import { toAdminRequest, toMyRequest, toReceipt } from './privacy-request.mapper.js';
import { PrivacyRequestsRepository } from './privacy-requests.repository.js';

export const PURGE_PRIVACY_REQUESTS_JOB = 'privacy-requests.purge';
const DAY_MS = 24 * 3600 * 1000;
const RIGHTS: PrivacyRequestKind[] = ['restriction', 'objection', 'rectification', 'question'];
type ParsedNewRequest = Omit<NewPrivacyRequest, 'locale'> & { locale: 'nl' | 'en' };

/**
 * Requests to the data protection officer (restriction, objection, rectification, questions) and
 * feedback: filed by a member or by anyone with an e-mail address; admins work through a queue
 * with a one-month deadline, assign and answer (audited), and the requester is e-mailed the
 * outcome through the outbox. Closed requests are purged after the configured period.
 */
@Injectable()
export class PrivacyRequestsService implements OnModuleInit {
  constructor(
    private readonly requests: PrivacyRequestsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly mailer: Mailer,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: PURGE_PRIVACY_REQUESTS_JOB, cron: '45 3 * * *', retryLimit: 2, expireInSeconds: 600, retention: true, handler: () => this.purge() });
  }

  async file(actor: Actor | undefined, input: ParsedNewRequest): Promise<PrivacyRequestReceipt> {
    const receivedAt = new Date();
    if (actor) {
      if (input.email !== undefined) throw ValidationFailed([{ path: 'email', message: 'Laat leeg wanneer je aangemeld bent / Leave out when signed in' }]);
      const member = await this.requests.requester(actor.memberId);
      if (!member) throw NotFound('Member');
      const row = await this.requests.create({ kind: input.kind, memberId: actor.memberId, email: member.email, name: `${member.firstName} ${member.lastName}`, locale: member.locale, message: input.message, receivedAt, dueAt: oneMonthAfter(receivedAt) });
      return toReceipt(row);
    }
    if (!input.email) throw ValidationFailed([{ path: 'email', message: 'Verplicht / Required' }]);
    const row = await this.requests.create({ kind: input.kind, memberId: null, email: input.email, name: input.name ?? null, locale: input.locale, message: input.message, receivedAt, dueAt: oneMonthAfter(receivedAt) });
    return toReceipt(row);
  }

  async mine(actor: Actor): Promise<MyPrivacyRequestList> {
    return { items: (await this.requests.forMember(actor.memberId)).map(toMyRequest) };
  }

  async queue(filter: { status?: PrivacyRequestStatus; kind?: PrivacyRequestKind }): Promise<AdminPrivacyRequestList> {
    const now = new Date();
    return { items: (await this.requests.queue(filter)).map((row) => toAdminRequest(row, now)) };
  }

  async get(id: string): Promise<AdminPrivacyRequest> {
    const row = await this.requests.byId(id);
    if (!row) throw NotFound('Request');
    return toAdminRequest(row, new Date());
  }

  /** Assigns to an admin (an open request is then in progress), or unassigns with null. */
  async assign(actor: Actor, id: string, assigneeId: string | null): Promise<AdminPrivacyRequest> {
    if (assigneeId && !(await this.requests.isActiveAdmin(assigneeId))) throw ValidationFailed([{ path: 'assigneeId', message: 'Geen beheerder / Not an admin' }]);
    await this.transactions.run(async (tx) => {
      const current = await this.requests.lock(tx, id);
      if (!current) throw NotFound('Request');
      if (current.status === 'answered' || current.status === 'rejected') throw Conflict('This request is closed.');
      await this.requests.update(tx, id, { assigneeId, ...(assigneeId && current.status === 'open' ? { status: 'in_progress' as const } : {}) });
      await this.audit.record(tx, { actor, action: 'privacy_request.assigned', targetType: 'privacy_request', targetId: id, details: { assigneeId } });
    });
    return this.get(id);
  }

  /** Closes the request with its outcome and e-mails it to the requester (through the outbox). */
  async answer(actor: Actor, id: string, input: AnswerPrivacyRequest): Promise<AdminPrivacyRequest> {
    await this.transactions.run(async (tx) => {
      const current = await this.requests.lock(tx, id);
      if (!current) throw NotFound('Request');
      if (current.status === 'answered' || current.status === 'rejected') throw Conflict('This request is already closed.');
      await this.requests.update(tx, id, { status: input.outcome, answer: input.answer, closedAt: new Date(), closedById: actor.memberId, ...(current.assigneeId ? {} : { assigneeId: actor.memberId }) });
      const row = await this.requests.byId(id, tx);
      if (!row) throw NotFound('Request');
      await this.mailer.queue(tx, outcomeMail({ to: row.email, name: row.name, locale: row.locale, kind: row.kind, receivedAt: row.receivedAt, outcome: input.outcome, answer: input.answer, privacyEmail: this.config.operator.privacyEmail }));
      await this.audit.record(tx, { actor, action: `privacy_request.${input.outcome}`, targetType: 'privacy_request', targetId: id, details: { kind: row.kind } });
    });
    return this.get(id);
  }

  /** Deletes feedback and requests closed longer ago than their retention period. */
  async purge(now = new Date()): Promise<number> {
    const { feedback, privacy } = this.config.requestRetentionDays;
    const [feedbackGone, requestsGone] = await Promise.all([
      this.requests.purgeClosedBefore(['feedback'], new Date(now.getTime() - feedback * DAY_MS)),
      this.requests.purgeClosedBefore(RIGHTS, new Date(now.getTime() - privacy * DAY_MS)),
    ]);
    return feedbackGone + requestsGone;
  }
}
