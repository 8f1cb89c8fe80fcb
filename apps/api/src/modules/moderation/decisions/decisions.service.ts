import { Inject, Injectable } from '@nestjs/common';
import type { AppealDecisionRequest, AppealQueue, DecisionList, DecisionRequest, DecisionView } from '@lesplein/contracts/moderation';
import { APP_CONFIG, type AppConfig } from '../../../config/env.js';
import { AuditLog } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Tx } from '../../../core/database/prisma.service.js';
import { Keys, safeEqual } from '../../../core/crypto/keys.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { Conflict, Forbidden, NotFound } from '../../../core/errors/domain-error.js';
import { Mailer } from '../../../core/mail/mailer.service.js';
import { decodeCursor, pageOf } from '../../../core/pagination/cursor.js';
import { BanListService } from '../ban-list/ban-list.service.js';
import { ReportsRepository } from '../reports.repository.js';
import { DecisionEffects } from './decision-effects.js';
import { toDecisionView } from './decision.mapper.js';
import { DecisionsRepository } from './decisions.repository.js';
import { appealOutcomeMail, statementOfReasonsMail } from './statement-mail.js';

/**
 * Moderators decide on reported content and members: dismiss, hide, remove, warn or suspend.
 * Every decision closes its reports, is audited, and (except dismiss) sends the member concerned
 * a statement of reasons; that member may appeal once, and a different moderator decides it.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly reports: ReportsRepository,
    private readonly effects: DecisionEffects,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly mailer: Mailer,
    private readonly keys: Keys,
    private readonly banList: BanListService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async decide(actor: Actor, input: DecisionRequest): Promise<DecisionView> {
    this.effects.assertAllowed(input.targetType, input.action);
    // A ban goes through the ban list (its own right, checks and transaction) before the decision is recorded.
    if (input.action === 'ban') await this.banMemberConcerned(actor, input);
    const decision = await this.transactions.run(async (tx) => {
      const memberId = await this.effects.memberConcerned(tx, input.targetType, input.targetId);
      const suspendedUntil = await this.effects.apply(tx, actor, input, memberId);
      const created = await this.decisions.create(tx, {
        targetType: input.targetType,
        targetId: input.targetId,
        action: input.action,
        reasons: input.reasons,
        ground: input.ground,
        suspendedUntil,
        moderatorId: actor.memberId,
        memberId: input.action === 'dismiss' ? null : memberId,
      });
      const reportIds = input.reportIds ?? (await this.reports.openIdsOn(tx, input.targetType, input.targetId)).map((report) => report.id);
      const closed = reportIds.length > 0 ? await this.reports.close(tx, reportIds, input.action === 'dismiss' ? 'dismissed' : 'actioned', actor.memberId, created.id) : 0;
      await this.audit.record(tx, {
        actor,
        action: `moderation.${input.action}`,
        targetType: input.targetType,
        targetId: input.targetId,
        details: { decisionId: created.id, reportsClosed: closed, ...(suspendedUntil ? { suspendedUntil: suspendedUntil.toISOString() } : {}) },
      });
      if (input.action !== 'dismiss' && memberId) await this.sendStatement(tx, memberId, created);
      return created;
    });
    return toDecisionView(decision, false);
  }

  /** The decisions about the member (not dismissals), newest first, with their appeals. */
  async mine(actor: Actor, query: { cursor?: string; limit: number }): Promise<DecisionList> {
    const rows = await this.decisions.forMember(actor.memberId, decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return { items: page.items.map((row) => toDecisionView(row, row.appeal === null)), nextCursor: page.nextCursor };
  }

  /** The member concerned appeals once; 404 for anyone else's decision. */
  appeal(actor: Actor, decisionId: string, text: string): Promise<DecisionView> {
    return this.fileAppeal(decisionId, text, (found) => found.memberId === actor.memberId);
  }

  /**
   * Appeal with the link from the statement of reasons, without a session: a suspended member
   * cannot log in but must still be able to appeal.
   */
  appealWithToken(decisionId: string, token: string, text: string): Promise<DecisionView> {
    return this.fileAppeal(decisionId, text, () => safeEqual(token, this.appealToken(decisionId)));
  }

  /** The secret in the appeal link of a decision's statement of reasons. */
  appealToken(decisionId: string): string {
    return this.keys.hmac('moderation-appeal', decisionId);
  }

  private async fileAppeal(decisionId: string, text: string, allowed: (found: { memberId: string | null }) => boolean): Promise<DecisionView> {
    const decision = await this.transactions.run(async (tx) => {
      await this.decisions.lockDecision(tx, decisionId);
      const found = await this.decisions.byId(decisionId, tx);
      if (!found || !found.memberId || !allowed(found) || found.action === 'dismiss') throw NotFound('Decision');
      const actor = { memberId: found.memberId, role: 'member' as const };
      if (found.appeal) throw Conflict('This decision was already appealed; each decision can be appealed once.');
      await this.decisions.createAppeal(tx, { decisionId, memberId: found.memberId, text });
      await this.audit.record(tx, { actor, action: 'moderation.appeal_filed', targetType: 'decision', targetId: decisionId });
      return this.decisions.byId(decisionId, tx);
    });
    return toDecisionView(decision!, false);
  }

  async openAppeals(query: { cursor?: string; limit: number }): Promise<AppealQueue> {
    const rows = await this.decisions.openAppeals(decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    const card = (member: { handle: string; firstName: string; lastName: string } | null) => (member ? { handle: member.handle, displayName: `${member.firstName} ${member.lastName}` } : null);
    return {
      items: page.items.map((row) => ({
        appeal: toDecisionView(row.decision, false).appeal!,
        decision: toDecisionView(row.decision, false),
        member: card(row.member),
        decidedBy: card(row.decision.moderator),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** A moderator other than the one who decided upholds or overturns; overturning undoes what can be undone. */
  async decideAppeal(actor: Actor, appealId: string, input: AppealDecisionRequest): Promise<DecisionView> {
    const found = await this.decisions.appealById(appealId);
    if (!found) throw NotFound('Appeal');
    let liftBan: { id: string; email: string } | undefined;
    if (found.decision.moderatorId === actor.memberId) throw Forbidden('Another moderator must decide an appeal against your own decision.');
    const decision = await this.transactions.run(async (tx) => {
      await this.decisions.lockDecision(tx, found.decisionId);
      const current = await this.decisions.byId(found.decisionId, tx);
      if (!current?.appeal || current.appeal.status !== 'open') throw Conflict('This appeal was already decided.');
      await this.decisions.decideAppeal(tx, appealId, { status: input.outcome, outcome: input.text, decidedById: actor.memberId });
      if (input.outcome === 'overturned') await this.effects.undo(tx, current);
      if (input.outcome === 'overturned' && current.action === 'ban' && current.memberId) {
        const member = await this.decisions.member(tx, current.memberId);
        if (member) liftBan = { id: member.id, email: member.email };
      }
      await this.audit.record(tx, { actor, action: `moderation.appeal_${input.outcome}`, targetType: 'decision', targetId: current.id });
      if (current.memberId) {
        const member = await this.decisions.member(tx, current.memberId);
        if (member) {
          await this.mailer.queue(tx, appealOutcomeMail({ to: member.email, firstName: member.firstName, locale: member.locale, overturned: input.outcome === 'overturned', text: input.text, url: this.decisionsUrl() }));
        }
      }
      return this.decisions.byId(current.id, tx);
    });
    if (liftBan) await this.banList.liftForMember(actor, liftBan);
    return toDecisionView(decision!, false);
  }

  private async banMemberConcerned(actor: Actor, input: DecisionRequest): Promise<void> {
    const member = await this.transactions.run(async (tx) => {
      const memberId = await this.effects.memberConcerned(tx, input.targetType, input.targetId);
      return memberId ? this.decisions.member(tx, memberId) : null;
    });
    if (!member) throw Conflict('The member concerned no longer has an account.');
    if (member.role !== 'member') throw Forbidden('Moderators and admins cannot be suspended or banned; change their role first.');
    await this.banList.add(actor, { email: member.email, reason: input.ground, keepAddress: true });
  }

  async sendStatement(tx: Tx, memberId: string, decision: { id: string; action: string; reasons: string; ground: string; suspendedUntil: Date | null }): Promise<void> {
    const member = await this.decisions.member(tx, memberId);
    if (!member) return;
    await this.mailer.queue(
      tx,
      statementOfReasonsMail({ to: member.email, firstName: member.firstName, locale: member.locale, action: decision.action, reasons: decision.reasons, ground: decision.ground, suspendedUntil: decision.suspendedUntil, appealUrl: `${this.decisionsUrl()}/${decision.id}?token=${this.appealToken(decision.id)}` }),
    );
  }

  private decisionsUrl(): string {
    return `${this.config.publicUrl}/account/decisions`;
  }
}
