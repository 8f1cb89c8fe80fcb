import { Injectable } from '@nestjs/common';
import type { CommentThread, CommentView, CreateCommentRequest, HideCommentRequest, UpdateCommentRequest } from '@lesplein/contracts/comment';
import { Id } from '@lesplein/contracts/common';
import type { Actor } from '../../core/auth/actor.js';
import type { Tx } from '../../core/database/prisma.service.js';
import { AuditLog } from '../../core/audit/audit-log.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../core/errors/domain-error.js';
import { decodeCursor, pageOf } from '../../core/pagination/cursor.js';
import { ResourcePolicy } from '../resources/resource-access.js';
import { CommentPolicy } from './comments.access.js';
import { toCommentView } from './comments.mapper.js';
import { NotificationsService, type NotificationEvent } from '../notifications/notifications.service.js';
import { parseMentions } from './comments.mentions.js';
import { CommentsRepository, type CommentRow, type LockedComment } from './comments.repository.js';

/**
 * Comments ("reacties") on resources: one level of replies, Markdown rendered safely, edits
 * marked, deletion by the author (a placeholder stays while replies exist), hiding by moderators.
 * Whoever may read the resource may read its comments; members comment on published resources
 * unless the resource's author blocked them.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly notifications: NotificationsService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async thread(actor: Actor | undefined, resourceId: string, query: { cursor?: string; limit: number }): Promise<CommentThread> {
    const resource = await this.comments.resourceAccess(resourceId);
    if (!resource || !ResourcePolicy.canRead(actor, resource)) throw NotFound('Resource');
    const cursor = decodeCursor(query.cursor);
    if (cursor && !Id.safeParse(cursor.id).success) throw ValidationFailed([{ path: 'cursor', message: 'Ongeldige cursor / Invalid cursor' }]);
    const rows = await this.comments.topLevel(resourceId, cursor, query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    const replies = await this.comments.replies(page.items.map((row) => row.id));
    const mentions = await this.mentions([...page.items, ...replies]);
    return {
      items: page.items.map((row) => toCommentView(row, actor, mentions, replies.filter((reply) => reply.parentId === row.id))),
      nextCursor: page.nextCursor,
      total: await this.comments.countShown(resourceId),
    };
  }

  async create(actor: Actor, resourceId: string, input: CreateCommentRequest): Promise<CommentView> {
    const created = await this.tx.run(async (tx) => {
      const resource = await this.comments.resourceAccess(resourceId, tx);
      if (!resource || !ResourcePolicy.canRead(actor, resource)) throw NotFound('Resource');
      if (resource.state !== 'published') throw Conflict('Only published resources take comments.');
      if (resource.authorId && resource.authorId !== actor.memberId && (await this.comments.isBlocked(resource.authorId, actor.memberId, tx))) {
        throw Forbidden('The author of this resource does not accept your comments.');
      }
      if (input.parentId) {
        // Locked so that the parent cannot be deleted (and its new reply with it) meanwhile.
        const parent = await this.comments.lock(tx, input.parentId);
        if (!parent || parent.resourceId !== resourceId || parent.parentId !== null) {
          throw ValidationFailed([{ path: 'parentId', message: 'Antwoord op een reactie bij dit leermiddel; antwoorden gaan één niveau diep / Reply to a comment on this resource; replies are one level deep' }]);
        }
        if (CommentPolicy.state(parent) !== 'visible') throw Conflict('A deleted or hidden comment takes no replies.');
      }
      const parentAuthorId = input.parentId ? ((await this.comments.lock(tx, input.parentId))?.authorId ?? null) : null;
      const comment = await this.comments.create(tx, { resourceId, authorId: actor.memberId, parentId: input.parentId ?? null, body: input.body });
      await this.notifications.notify(tx, await this.notificationsFor(actor, comment.id, resourceId, resource.authorId, parentAuthorId, input.body));
      return comment;
    });
    return this.view(actor, created.id);
  }

  async update(actor: Actor, id: string, input: UpdateCommentRequest): Promise<CommentView> {
    await this.tx.run(async (tx) => {
      const comment = await this.lockVisible(tx, actor, id);
      if (!CommentPolicy.isAuthor(actor, comment)) throw Forbidden('Only its author edits a comment.');
      if (!CommentPolicy.canEdit(actor, comment)) throw Conflict('A deleted or hidden comment cannot be edited.');
      // Saving the same text again is not an edit.
      if (input.body !== comment.body) await this.comments.update(tx, id, { body: input.body, editedAt: new Date() });
    });
    return this.view(actor, id);
  }

  /** Deletes the author's comment; a top-level comment with replies stays as an empty placeholder. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.tx.run(async (tx) => {
      // Parent before child, the same order as replying, so concurrent requests cannot deadlock.
      const parentId = await this.comments.parentIdOf(id);
      const parent = parentId ? await this.comments.lock(tx, parentId) : null;
      const comment = await this.lockVisible(tx, actor, id);
      if (!CommentPolicy.isAuthor(actor, comment)) throw Forbidden('Only its author deletes a comment.');
      if (!CommentPolicy.canDelete(actor, comment)) throw Conflict('The comment is already deleted.');
      if (comment.parentId === null && (await this.comments.hasReplies(tx, id))) {
        await this.comments.update(tx, id, { body: '', deletedAt: new Date() });
        return;
      }
      await this.comments.delete(tx, id);
      // A placeholder whose last reply is gone has nothing left to hold in place.
      if (parent?.deletedAt && !(await this.comments.hasReplies(tx, parent.id))) await this.comments.delete(tx, parent.id);
    });
  }

  async hide(actor: Actor, id: string, input: HideCommentRequest): Promise<CommentView> {
    await this.tx.run(async (tx) => {
      const comment = await this.lockForModeration(tx, actor, id);
      if (CommentPolicy.state(comment) === 'hidden') throw Conflict('The comment is already hidden.');
      await this.comments.update(tx, id, { hiddenAt: new Date(), hiddenReason: input.reason, hiddenById: actor.memberId });
      await this.audit.record(tx, { actor, action: 'comment.hidden', targetType: 'comment', targetId: id });
    });
    return this.view(actor, id);
  }

  async unhide(actor: Actor, id: string): Promise<CommentView> {
    await this.tx.run(async (tx) => {
      const comment = await this.lockForModeration(tx, actor, id);
      if (CommentPolicy.state(comment) !== 'hidden') throw Conflict('The comment is not hidden.');
      await this.comments.update(tx, id, { hiddenAt: null, hiddenReason: null, hiddenById: null });
      await this.audit.record(tx, { actor, action: 'comment.restored', targetType: 'comment', targetId: id });
    });
    return this.view(actor, id);
  }

  /** Locks a comment whose resource the actor may read (404 otherwise, so nothing leaks). */
  private async lockVisible(tx: Tx, actor: Actor, id: string): Promise<LockedComment> {
    const comment = await this.comments.lock(tx, id);
    if (!comment) throw NotFound('Comment');
    const resource = await this.comments.resourceAccess(comment.resourceId, tx);
    if (!resource || !ResourcePolicy.canRead(actor, resource)) throw NotFound('Comment');
    return comment;
  }

  private async lockForModeration(tx: Tx, actor: Actor, id: string): Promise<LockedComment> {
    const comment = await this.lockVisible(tx, actor, id);
    if (!CommentPolicy.isModerator(actor)) throw Forbidden('Only moderators hide comments.');
    if (!CommentPolicy.canModerate(actor, comment)) throw Conflict('A deleted comment cannot be hidden or restored.');
    return comment;
  }

  /** One comment (with its replies when top-level) as the actor sees it. */
  private async view(actor: Actor, id: string): Promise<CommentView> {
    const row = await this.comments.find(id);
    if (!row) throw NotFound('Comment');
    const replies = row.parentId === null ? await this.comments.replies([row.id]) : [];
    return toCommentView(row, actor, await this.mentions([row, ...replies]), replies);
  }

  /** One notification per person: a reply, else a comment on their resource, else a mention (not from members who blocked the commenter). */
  private async notificationsFor(actor: Actor, commentId: string, resourceId: string, resourceAuthorId: string | null, parentAuthorId: string | null, body: string): Promise<NotificationEvent[]> {
    const events = new Map<string, NotificationEvent>();
    const base = { actorId: actor.memberId, resourceId, commentId };
    if (parentAuthorId) events.set(parentAuthorId, { ...base, recipientId: parentAuthorId, type: 'comment_reply' });
    if (resourceAuthorId && !events.has(resourceAuthorId)) events.set(resourceAuthorId, { ...base, recipientId: resourceAuthorId, type: 'comment_on_resource' });
    const mentioned = await this.comments.membersByHandles(parseMentions(body));
    const blockers = new Set((await this.comments.blocksAmong(mentioned.map((m) => m.id), [actor.memberId])).map((block) => block.blockerId));
    for (const member of mentioned) {
      if (!events.has(member.id) && !blockers.has(member.id)) events.set(member.id, { ...base, recipientId: member.id, type: 'mention' });
    }
    return [...events.values()];
  }

  /**
   * The @handles of each comment that belong to active members, leaving out members who blocked
   * the comment's author (they are not mentioned, silently). Read-time, so edits, new members and
   * new blocks are reflected.
   */
  private async mentions(rows: CommentRow[]): Promise<Map<string, string[]>> {
    const parsed = new Map(rows.filter((row) => CommentPolicy.state(row) !== 'deleted').map((row) => [row.id, parseMentions(row.body)]));
    const members = await this.comments.membersByHandles([...new Set([...parsed.values()].flat())]);
    const idOf = new Map(members.map((member) => [member.handle, member.id]));
    const authorIds = [...new Set(rows.flatMap((row) => (row.authorId ? [row.authorId] : [])))];
    const blocks = await this.comments.blocksAmong(members.map((member) => member.id), authorIds);
    const blocked = new Set(blocks.map((block) => `${block.blockerId}:${block.blockedId}`));
    const result = new Map<string, string[]>();
    for (const row of rows) {
      const handles = (parsed.get(row.id) ?? []).filter((handle) => {
        const memberId = idOf.get(handle);
        return memberId !== undefined && !(row.authorId && blocked.has(`${memberId}:${row.authorId}`));
      });
      result.set(row.id, handles);
    }
    return result;
  }
}
