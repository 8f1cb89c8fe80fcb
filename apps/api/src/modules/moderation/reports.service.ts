import { Injectable } from '@nestjs/common';
import type { BulkReportRequest, BulkReportResult, ModerationQueueQuery } from '@lesplein/contracts/moderation';
import type { CreateReportRequest, ReportCreated, ReportQueue, ReportView } from '@lesplein/contracts/report';
import { AuditLog } from '../../core/audit/audit-log.js';
import type { Actor } from '../../core/auth/actor.js';
import { NotFound, ValidationFailed } from '../../core/errors/domain-error.js';
import { decodeCursor, pageOf } from '../../core/pagination/cursor.js';
import { ResourcePolicy } from '../resources/resource-access.js';
import { ReportsRepository } from './reports.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Members report a resource, comment, profile or message they can see; moderators work through
 * the open reports. (Actions, statements of reasons and appeals come with moderation.)
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly audit: AuditLog,
  ) {}

  async report(actor: Actor, input: CreateReportRequest): Promise<ReportCreated> {
    const targetId = await this.resolveTarget(actor, input);
    // Reporting the same thing twice while it is open changes nothing.
    const existing = await this.reports.findOpen(actor.memberId, input.targetType, targetId);
    const report = existing ?? (await this.reports.create({ reporterId: actor.memberId, targetType: input.targetType, targetId, reason: input.reason, category: input.category ?? 'other' }));
    return { id: report.id, status: 'open' };
  }

  async queue(actor: Actor, query: ModerationQueueQuery): Promise<ReportQueue> {
    const filter = { status: query.status, targetType: query.targetType, category: query.category, assigned: query.assigned, sort: query.sort, moderatorId: actor.memberId };
    const rows = await this.reports.queue(filter, decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    const ids = (type: string) => page.items.filter((row) => row.targetType === type).map((row) => row.targetId);
    const [commentResources, memberHandles, messageSenders] = await Promise.all([this.reports.commentResources(ids('comment')), this.reports.memberHandles(ids('member')), this.reports.messageSenders(ids('message'))]);
    const context = (row: QueueRow): ReportView['context'] => ({
      resourceId: row.targetType === 'resource' ? row.targetId : row.targetType === 'comment' ? (commentResources.get(row.targetId) ?? null) : null,
      memberHandle: row.targetType === 'member' ? (memberHandles.get(row.targetId) ?? null) : row.targetType === 'message' ? (messageSenders.get(row.targetId) ?? null) : null,
    });
    return { items: page.items.map((row) => toReportView(row, context(row))), nextCursor: page.nextCursor };
  }

  /** Takes a report (or gives it back). */
  async assign(actor: Actor, id: string, assignToMe: boolean): Promise<void> {
    const updated = await this.reports.assign([id], assignToMe ? actor.memberId : null);
    if (updated === 0) throw NotFound('Open report');
  }

  /** Bulk actions on open reports: dismiss (no action needed), take or give back. */
  async bulk(actor: Actor, input: BulkReportRequest): Promise<BulkReportResult> {
    if (input.action === 'dismiss') {
      const updated = await this.reports.close(undefined, input.reportIds, 'dismissed', actor.memberId, null);
      if (updated > 0) await this.audit.recordNow({ actor, action: 'report.dismissed', targetType: 'report', details: { reportIds: input.reportIds, count: updated } });
      return { updated };
    }
    return { updated: await this.reports.assign(input.reportIds, input.action === 'assign_to_me' ? actor.memberId : null) };
  }

  /** The id of a target the reporter can see; 404 for anything they cannot (so nothing leaks). */
  private async resolveTarget(actor: Actor, input: CreateReportRequest): Promise<string> {
    if (input.targetType === 'member') {
      const member = await this.reports.memberByHandle(input.target);
      if (!member) throw NotFound('Member');
      if (member.id === actor.memberId) throw ValidationFailed([{ path: 'target', message: 'Je kunt jezelf niet melden / You cannot report yourself' }]);
      return member.id;
    }
    if (!UUID.test(input.target)) throw ValidationFailed([{ path: 'target', message: 'Ongeldige id / Invalid id' }]);
    if (input.targetType === 'resource') {
      const resource = await this.reports.resourceAccess(input.target);
      if (!resource || !ResourcePolicy.canRead(actor, resource)) throw NotFound('Resource');
    } else if (input.targetType === 'comment') {
      const comment = await this.reports.commentAccess(input.target);
      if (!comment || comment.deletedAt || !ResourcePolicy.canRead(actor, comment.resource)) throw NotFound('Comment');
    } else {
      const message = await this.reports.messageFor(input.target, actor.memberId);
      if (!message || message.senderId === actor.memberId) throw NotFound('Message');
    }
    return input.target;
  }
}

type QueueRow = Awaited<ReturnType<ReportsRepository['queue']>>[number];
const card = (member: { handle: string; firstName: string; lastName: string } | null) =>
  member ? { handle: member.handle, displayName: `${member.firstName} ${member.lastName}` } : null;

function toReportView(row: QueueRow, context: ReportView['context']): ReportView {
  return {
    id: row.id,
    targetType: row.targetType,
    targetId: row.targetId,
    reason: row.reason,
    category: row.category,
    status: row.status,
    reporter: card(row.reporter),
    assignedTo: card(row.assignedTo),
    decisionId: row.decisionId,
    context,
    createdAt: row.createdAt.toISOString(),
  };
}
