import { Injectable } from '@nestjs/common';
import type { ReviewDecisionRequest, ReviewQueue } from '@lesplein/contracts/moderation';
import { AuditLog } from '../../../core/audit/audit-log.js';
import type { Actor } from '../../../core/auth/actor.js';
import { TransactionRunner } from '../../../core/database/transaction-runner.js';
import { Conflict, NotFound } from '../../../core/errors/domain-error.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { decodeCursor, pageOf } from '../../../core/pagination/cursor.js';
import { enqueueSearchIndex } from '../../search/indexing/search-index.job.js';
import { DecisionsRepository } from '../decisions/decisions.repository.js';
import { DecisionsService } from '../decisions/decisions.service.js';
import { PlatformSettingsRepository } from './platform-settings.repository.js';

/** The review queue of pre-moderation: moderators approve (publish) or reject with reasons. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly settings: PlatformSettingsRepository,
    private readonly decisions: DecisionsRepository,
    private readonly decisionsService: DecisionsService,
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobQueue,
    private readonly audit: AuditLog,
  ) {}

  async queue(query: { cursor?: string; limit: number }): Promise<ReviewQueue> {
    const rows = await this.settings.reviewQueue(decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.updatedAt, id: row.id }));
    return {
      items: page.items.map((row) => ({
        resourceId: row.id,
        title: row.title,
        author: row.author ? { handle: row.author.handle, displayName: `${row.author.firstName} ${row.author.lastName}` } : null,
        submittedAt: row.updatedAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  async decide(actor: Actor, resourceId: string, input: ReviewDecisionRequest): Promise<{ state: 'published' | 'rejected' }> {
    return this.transactions.run(async (tx) => {
      const resource = await this.decisions.resource(tx, resourceId);
      if (!resource || resource.state === 'removed') throw NotFound('Resource');
      if (resource.state !== 'pending_review') throw Conflict('The resource is not waiting for review.');
      const reasons = input.decision === 'reject' ? input.reasons : 'Goedgekeurd bij nazicht / Approved at review';
      const ground = input.decision === 'reject' ? input.ground : 'pre-moderation';
      const decision = await this.decisions.create(tx, {
        targetType: 'resource',
        targetId: resourceId,
        action: input.decision,
        reasons,
        ground,
        suspendedUntil: null,
        moderatorId: actor.memberId,
        memberId: resource.authorId,
      });
      if (input.decision === 'approve') {
        await this.decisions.setResourceState(tx, resourceId, { state: 'published', publishedAt: new Date() });
        await enqueueSearchIndex(this.jobs, tx, [resourceId]);
      } else {
        await this.decisions.setResourceState(tx, resourceId, { state: 'rejected' });
        if (resource.authorId) await this.decisionsService.sendStatement(tx, resource.authorId, decision);
      }
      await this.audit.record(tx, { actor, action: `moderation.review_${input.decision}`, targetType: 'resource', targetId: resourceId, details: { decisionId: decision.id } });
      return { state: input.decision === 'approve' ? ('published' as const) : ('rejected' as const) };
    });
  }
}
