import { z } from 'zod';
import { MemberCard } from './follow.js';

export const NotificationType = z.enum(['comment_on_resource', 'comment_reply', 'mention', 'new_follower', 'new_message', 'resource_hidden', 'folder_new_resource', 'saved_search_match']);
export type NotificationType = z.infer<typeof NotificationType>;

/** off: nothing; in_app: the bell only; email: the bell and an e-mail at once; digest: the bell and a daily e-mail. */
export const NotificationChannel = z.enum(['off', 'in_app', 'email', 'digest']);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const NotificationView = z.object({
  id: z.uuid(),
  type: NotificationType,
  actor: MemberCard.nullable(),
  resource: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  folder: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  commentId: z.uuid().nullable(),
  conversationId: z.uuid().nullable(),
  /** For saved_search_match: the saved search and how many new resources matched (`resource` is the first). */
  savedSearch: z.object({ id: z.uuid(), name: z.string(), matches: z.number().int() }).nullable(),
  /** Where the web client links to. */
  path: z.string(),
  read: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationPage = z.object({ items: z.array(NotificationView), nextCursor: z.string().nullable(), unread: z.number().int() });
export type NotificationPage = z.infer<typeof NotificationPage>;

export const NotificationPreferences = z.object({ preferences: z.record(NotificationType, NotificationChannel) });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const UpdateNotificationPreferences = z.strictObject({ preferences: z.partialRecord(NotificationType, NotificationChannel) });
export type UpdateNotificationPreferences = z.infer<typeof UpdateNotificationPreferences>;

export const UnsubscribeRequest = z.strictObject({ token: z.string().min(20).max(300) });
export type UnsubscribeRequest = z.infer<typeof UnsubscribeRequest>;

export const UnsubscribeResponse = z.object({ type: NotificationType, channel: NotificationChannel });
export type UnsubscribeResponse = z.infer<typeof UnsubscribeResponse>;

export const UnreadCounts = z.object({ notifications: z.number().int(), messages: z.number().int() });
export type UnreadCounts = z.infer<typeof UnreadCounts>;

export const NotificationIdParam = z.strictObject({ id: z.uuid() });
