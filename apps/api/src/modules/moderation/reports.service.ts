import { Injectable } from '@nestjs/common';
import type { CreateReportRequest, ReportCreated, ReportQueue } from '@lesplein/contracts/report';
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
  constructor(private readonly reports: ReportsRepository) {}

  async report(actor: Actor, input: CreateReportRequest): Promise<ReportCreated> {
    const targetId = await this.resolveTarget(actor, input);
    // Reporting the same thing twice while it is open changes nothing.
    const existing = await this.reports.findOpen(actor.memberId, input.targetType, targetId);
    const report = existing ?? (await this.reports.create({ reporterId: actor.memberId, targetType: input.targetType, targetId, reason: input.reason }));
    return { id: report.id, status: 'open' };
  }

  async queue(query: { cursor?: string; limit: number }): Promise<ReportQueue> {
    const rows = await this.reports.queue(decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return {
      items: page.items.map((row) => ({
        id: row.id,
        targetType: row.targetType,
        targetId: row.targetId,
        reason: row.reason,
        status: row.status,
        reporter: row.reporter ? { handle: row.reporter.handle, displayName: `${row.reporter.firstName} ${row.reporter.lastName}` } : null,
        createdAt: row.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
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
