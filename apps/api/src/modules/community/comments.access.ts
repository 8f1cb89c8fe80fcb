import type { CommentState } from '@lesplein/contracts/comment';
import type { Actor } from '../../core/auth/actor.js';

export interface CommentAccessInfo {
  authorId: string | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

const isModerator = (actor: Actor | undefined) => actor?.role === 'moderator' || actor?.role === 'admin';
const isAuthor = (actor: Actor | undefined, comment: CommentAccessInfo) => !!actor && comment.authorId === actor.memberId;
const stateOf = (comment: CommentAccessInfo): CommentState => (comment.deletedAt ? 'deleted' : comment.hiddenAt ? 'hidden' : 'visible');

/**
 * Who may do what with a comment, once the resource itself is readable (ResourcePolicy).
 * Authors edit and delete their own; nobody changes another's comment; moderators hide and
 * unhide. A hidden comment's text is for its author and moderators only.
 */
export const CommentPolicy = {
  state: stateOf,
  isAuthor,
  isModerator,
  canSeeText: (actor: Actor | undefined, comment: CommentAccessInfo): boolean => {
    const state = stateOf(comment);
    return state === 'visible' || (state === 'hidden' && (isAuthor(actor, comment) || isModerator(actor)));
  },
  /** The hiding reason is for the author and moderators. */
  canSeeHiddenReason: (actor: Actor | undefined, comment: CommentAccessInfo): boolean => isAuthor(actor, comment) || isModerator(actor),
  canEdit: (actor: Actor | undefined, comment: CommentAccessInfo): boolean => isAuthor(actor, comment) && stateOf(comment) === 'visible',
  canDelete: (actor: Actor | undefined, comment: CommentAccessInfo): boolean => isAuthor(actor, comment) && stateOf(comment) !== 'deleted',
  canModerate: (actor: Actor | undefined, comment: CommentAccessInfo): boolean => isModerator(actor) && stateOf(comment) !== 'deleted',
};
