import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../core/auth/actor.js';
import type { Tx } from '../../../core/database/prisma.service.js';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../../core/errors/domain-error.js';
import { JobQueue } from '../../../core/outbox/job-queue.js';
import { DELETE_OBJECTS_JOB } from '../../resources/resource-jobs.js';
import { ResourcesRepository } from '../../resources/resources.repository.js';
import { enqueueSearchIndex } from '../../search/indexing/search-index.job.js';
import { DecisionsRepository } from './decisions.repository.js';

export type TargetType = 'resource' | 'comment' | 'member' | 'message';
export type EffectAction = 'dismiss' | 'hide' | 'remove' | 'warn' | 'suspend' | 'ban';

/** Which actions make sense for which target. */
const ALLOWED: Record<TargetType, EffectAction[]> = {
  resource: ['dismiss', 'hide', 'remove', 'warn', 'suspend', 'ban'],
  comment: ['dismiss', 'hide', 'remove', 'warn', 'suspend', 'ban'],
  message: ['dismiss', 'warn', 'suspend', 'ban'],
  member: ['dismiss', 'warn', 'suspend', 'ban'],
};

/**
 * What a decision does to its target and to the member concerned, and how an overturned appeal
 * undoes it. Runs inside the decision's transaction.
 */
@Injectable()
export class DecisionEffects {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly resources: ResourcesRepository,
    private readonly jobs: JobQueue,
  ) {}

  /** The member a target belongs to (author or sender); 404 for a target that does not exist. */
  async memberConcerned(tx: Tx, targetType: TargetType, targetId: string): Promise<string | null> {
    if (targetType === 'resource') {
      const resource = await this.decisions.resource(tx, targetId);
      if (!resource || resource.state === 'removed') throw NotFound('Resource');
      return resource.authorId;
    }
    if (targetType === 'comment') {
      const comment = await this.decisions.comment(tx, targetId);
      if (!comment || comment.deletedAt) throw NotFound('Comment');
      return comment.authorId;
    }
    if (targetType === 'message') {
      const message = await this.decisions.message(tx, targetId);
      if (!message) throw NotFound('Message');
      return message.senderId;
    }
    const member = await this.decisions.member(tx, targetId);
    if (!member) throw NotFound('Member');
    return member.id;
  }

  assertAllowed(targetType: TargetType, action: EffectAction): void {
    if (!ALLOWED[targetType].includes(action)) {
      throw ValidationFailed([{ path: 'action', message: `Niet mogelijk voor ${targetType} / Not possible for a ${targetType}` }]);
    }
  }

  /** Applies the action; returns the end of a suspension when there is one. */
  async apply(tx: Tx, actor: Actor, input: { targetType: TargetType; targetId: string; action: EffectAction; ground: string; suspendDays?: number }, memberId: string | null): Promise<Date | null> {
    const { targetType, targetId, action } = input;
    if (action === 'hide' && targetType === 'resource') {
      const resource = await this.decisions.resource(tx, targetId);
      if (resource?.state === 'hidden') throw Conflict('The resource is already hidden.');
      await this.decisions.setResourceState(tx, targetId, { state: 'hidden', hiddenReason: input.ground, hiddenAt: new Date(), hiddenById: actor.memberId });
      await enqueueSearchIndex(this.jobs, tx, [targetId]);
    }
    if (action === 'remove' && targetType === 'resource') {
      const keys = await this.resources.deleteAllFiles(tx, targetId);
      await this.decisions.setResourceState(tx, targetId, { state: 'removed', removedAt: new Date() });
      if (keys.length > 0) await this.jobs.enqueue(tx, DELETE_OBJECTS_JOB, { keys });
      await enqueueSearchIndex(this.jobs, tx, [targetId]);
    }
    if (action === 'hide' && targetType === 'comment') {
      const comment = await this.decisions.comment(tx, targetId);
      if (comment?.hiddenAt) throw Conflict('The comment is already hidden.');
      await this.decisions.setCommentHidden(tx, targetId, { reason: input.ground, by: actor.memberId });
    }
    if (action === 'remove' && targetType === 'comment') await this.decisions.removeComment(tx, targetId);
    if (action === 'suspend' || action === 'ban') {
      if (!memberId) throw Conflict('The member concerned no longer has an account.');
      const member = await this.decisions.member(tx, memberId);
      if (!member) throw NotFound('Member');
      // Moderators do not suspend or ban each other or admins; an admin changes roles first.
      if (member.role !== 'member') throw Forbidden('Moderators and admins cannot be suspended or banned; change their role first.');
      if (action === 'suspend') {
        const until = new Date(Date.now() + (input.suspendDays ?? 1) * 24 * 3600 * 1000);
        await this.decisions.setSuspension(tx, memberId, until);
        await this.decisions.endSessions(tx, memberId);
        return until;
      }
    }
    return null;
  }

  /** Undoes what can be undone after an overturned appeal (removed content and its files are gone). */
  async undo(tx: Tx, decision: { targetType: TargetType; targetId: string; action: string; memberId: string | null }): Promise<void> {
    if (decision.action === 'hide' && decision.targetType === 'resource') {
      const resource = await this.decisions.resource(tx, decision.targetId);
      if (resource?.state === 'hidden') {
        await this.decisions.setResourceState(tx, decision.targetId, { state: 'published', hiddenReason: null, hiddenAt: null, hiddenById: null });
        await enqueueSearchIndex(this.jobs, tx, [decision.targetId]);
      }
    }
    if (decision.action === 'hide' && decision.targetType === 'comment') await this.decisions.setCommentHidden(tx, decision.targetId, null);
    if (decision.action === 'suspend' && decision.memberId) await this.decisions.setSuspension(tx, decision.memberId, null);
    if (decision.action === 'reject' && decision.targetType === 'resource') {
      const resource = await this.decisions.resource(tx, decision.targetId);
      if (resource?.state === 'rejected') {
        await this.decisions.setResourceState(tx, decision.targetId, { state: 'published', publishedAt: new Date() });
        await enqueueSearchIndex(this.jobs, tx, [decision.targetId]);
      }
    }
  }
}
