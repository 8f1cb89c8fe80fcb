import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database/prisma.service.js';
import type { Cursor } from '../../core/pagination/cursor.js';
import type { Prisma, ResourceState } from '../../generated/prisma/client.js';

export const commentInclude = {
  author: { select: { handle: true, firstName: true, lastName: true } },
} satisfies Prisma.CommentInclude;

export type CommentRow = Prisma.CommentGetPayload<{ include: typeof commentInclude }>;

/** What the service needs to decide about a comment, read under a row lock. */
export interface LockedComment {
  id: string;
  resourceId: string;
  authorId: string | null;
  parentId: string | null;
  body: string;
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

const oldestFirst = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];
/** Soft-deleted comments only stay (as placeholders) while they have replies. */
const shown = { OR: [{ deletedAt: null }, { replies: { some: { deletedAt: null } } }] } satisfies Prisma.CommentWhereInput;

/** Comments on resources, their replies, and the member facts the rules need (blocks, handles). */
@Injectable()
export class CommentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Author and state of a resource (not removed), for ResourcePolicy. */
  resourceAccess(id: string, tx?: Tx): Promise<{ authorId: string | null; state: ResourceState } | null> {
    return (tx ?? this.prisma).resource.findFirst({ where: { id, state: { not: 'removed' } }, select: { authorId: true, state: true } });
  }

  /** Top-level comments of a resource, oldest first, after the cursor. */
  topLevel(resourceId: string, cursor: Cursor | undefined, take: number): Promise<CommentRow[]> {
    return this.prisma.comment.findMany({
      where: {
        resourceId,
        parentId: null,
        AND: [shown, ...(cursor ? [{ OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] }] : [])],
      },
      orderBy: oldestFirst,
      take,
      include: commentInclude,
    });
  }

  /** The replies to these top-level comments, oldest first. */
  replies(parentIds: string[]): Promise<CommentRow[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    return this.prisma.comment.findMany({ where: { parentId: { in: parentIds }, deletedAt: null }, orderBy: oldestFirst, include: commentInclude });
  }

  /** Comments and replies of a resource that are not deleted. */
  countShown(resourceId: string): Promise<number> {
    return this.prisma.comment.count({ where: { resourceId, deletedAt: null } });
  }

  find(id: string): Promise<CommentRow | null> {
    return this.prisma.comment.findFirst({ where: { id, ...shown }, include: commentInclude });
  }

  /** The parent of a comment (never changes, so it is read without a lock). */
  async parentIdOf(id: string): Promise<string | null> {
    return (await this.prisma.comment.findUnique({ where: { id }, select: { parentId: true } }))?.parentId ?? null;
  }

  /** Locks a comment row for the rest of the transaction (edits, deletion, replies). */
  async lock(tx: Tx, id: string): Promise<LockedComment | null> {
    const rows = await tx.$queryRaw<LockedComment[]>`
      SELECT id, "resourceId", "authorId", "parentId", body, "deletedAt", "hiddenAt" FROM "Comment" WHERE id = ${id}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }

  create(tx: Tx, data: { resourceId: string; authorId: string; parentId: string | null; body: string }): Promise<CommentRow> {
    return tx.comment.create({ data, include: commentInclude });
  }

  async update(tx: Tx, id: string, data: Pick<Prisma.CommentUncheckedUpdateInput, 'body' | 'editedAt' | 'deletedAt' | 'hiddenAt' | 'hiddenReason' | 'hiddenById'>): Promise<void> {
    await tx.comment.update({ where: { id }, data });
  }

  async delete(tx: Tx, id: string): Promise<void> {
    await tx.comment.delete({ where: { id } });
  }

  async hasReplies(tx: Tx, id: string): Promise<boolean> {
    return (await tx.comment.count({ where: { parentId: id, deletedAt: null } })) > 0;
  }

  async isBlocked(blockerId: string, blockedId: string, tx?: Tx): Promise<boolean> {
    return (await (tx ?? this.prisma).memberBlock.count({ where: { blockerId, blockedId } })) > 0;
  }

  /** Active members with these handles. */
  membersByHandles(handles: string[]): Promise<Array<{ id: string; handle: string }>> {
    if (handles.length === 0) return Promise.resolve([]);
    return this.prisma.member.findMany({ where: { handle: { in: handles }, status: 'active', emailVerifiedAt: { not: null } }, select: { id: true, handle: true } });
  }

  /** Which of these members block which of those. */
  blocksAmong(blockerIds: string[], blockedIds: string[]): Promise<Array<{ blockerId: string; blockedId: string }>> {
    if (blockerIds.length === 0 || blockedIds.length === 0) return Promise.resolve([]);
    return this.prisma.memberBlock.findMany({ where: { blockerId: { in: blockerIds }, blockedId: { in: blockedIds } }, select: { blockerId: true, blockedId: true } });
  }
}
