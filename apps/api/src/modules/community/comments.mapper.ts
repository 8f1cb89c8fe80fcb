import type { CommentView } from '@lesplein/contracts/comment';
import type { Actor } from '../../core/auth/actor.js';
import { renderMarkdown } from '../resources/markdown.js';
import { CommentPolicy } from './comments.access.js';
import type { CommentRow } from './comments.repository.js';

/**
 * One comment as this viewer may see it. `mentions` holds the resolved mentions per comment id;
 * `replies` are given for top-level comments only.
 */
export function toCommentView(row: CommentRow, actor: Actor | undefined, mentions: ReadonlyMap<string, string[]>, replies: CommentRow[] = []): CommentView {
  const state = CommentPolicy.state(row);
  const showText = CommentPolicy.canSeeText(actor, row);
  return {
    id: row.id,
    parentId: row.parentId,
    author: state !== 'deleted' && row.author ? { handle: row.author.handle, displayName: `${row.author.firstName} ${row.author.lastName}` } : null,
    bodyHtml: showText ? renderMarkdown(row.body) : '',
    body: state !== 'deleted' && CommentPolicy.isAuthor(actor, row) ? row.body : null,
    state,
    edited: row.editedAt !== null,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    hiddenReason: state === 'hidden' && CommentPolicy.canSeeHiddenReason(actor, row) ? row.hiddenReason : null,
    mentions: showText ? (mentions.get(row.id) ?? []) : [],
    permissions: { edit: CommentPolicy.canEdit(actor, row), delete: CommentPolicy.canDelete(actor, row), hide: CommentPolicy.canModerate(actor, row) },
    replies: row.parentId === null ? replies.map((reply) => ({ ...toCommentView(reply, actor, mentions), replies: [] })) : [],
  };
}
