import { z } from 'zod';

/** Markdown source of a comment; rendered and sanitised on output, stored as written. */
export const CommentBody = z
  .string()
  .trim()
  .min(1, { message: 'Schrijf een reactie / Write a comment' })
  .max(5000, { message: 'Een reactie telt hoogstens 5000 tekens / A comment has at most 5000 characters' });

export const CreateCommentRequest = z.strictObject({
  body: CommentBody,
  /** Reply to this top-level comment of the same resource (replies are one level deep). */
  parentId: z.uuid({ message: 'Onbekende reactie / Unknown comment' }).optional(),
});
export type CreateCommentRequest = z.infer<typeof CreateCommentRequest>;

export const UpdateCommentRequest = z.strictObject({ body: CommentBody });
export type UpdateCommentRequest = z.infer<typeof UpdateCommentRequest>;

/** Moderators: why the comment is hidden (shown to its author and to moderators, as plain text). */
export const HideCommentRequest = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
export type HideCommentRequest = z.infer<typeof HideCommentRequest>;

export const CommentIdParam = z.strictObject({ id: z.uuid({ message: 'Onbekende reactie / Unknown comment' }) });

/**
 * `visible`: the text is shown. `deleted`: removed by its author, kept as a placeholder only
 * while it has replies. `hidden`: hidden by a moderator; only its author and moderators see the text.
 */
export const CommentState = z.enum(['visible', 'deleted', 'hidden']);
export type CommentState = z.infer<typeof CommentState>;

export const CommentAuthor = z.object({ handle: z.string(), displayName: z.string() });
export type CommentAuthor = z.infer<typeof CommentAuthor>;

const CommentFields = z.object({
  id: z.uuid(),
  /** The top-level comment this one replies to, or null for a top-level comment. */
  parentId: z.uuid().nullable(),
  /** Null for deleted comments and when the author deleted their account. */
  author: CommentAuthor.nullable(),
  /** Rendered from Markdown and sanitised; '' when deleted, or hidden for this viewer. */
  bodyHtml: z.string(),
  /** The Markdown source, only for its author (to edit it); null otherwise. */
  body: z.string().nullable(),
  state: CommentState,
  edited: z.boolean(),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  /** Only for the author and moderators while the comment is hidden. */
  hiddenReason: z.string().nullable(),
  /** Handles of existing members mentioned as @handle (members who blocked the author left out). */
  mentions: z.array(z.string()),
  /** edit and delete: the author's own; hide: moderators (hide and unhide). */
  permissions: z.object({ edit: z.boolean(), delete: z.boolean(), hide: z.boolean() }),
});

/** A reply: replies are one level deep, so its own `replies` is always empty. */
export const CommentReply = CommentFields.extend({ replies: z.array(z.never()) });

export const CommentView = CommentFields.extend({
  /** Replies, oldest first (only on top-level comments). */
  replies: z.array(CommentReply),
});
export type CommentView = z.infer<typeof CommentView>;

/** Top-level comments of a resource, oldest first, with their replies. */
export const CommentThread = z.object({
  items: z.array(CommentView),
  nextCursor: z.string().nullable(),
  /** Comments and replies that are not deleted (hidden ones included, as they show as placeholders). */
  total: z.number().int(),
});
export type CommentThread = z.infer<typeof CommentThread>;
