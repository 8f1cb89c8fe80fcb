import { z } from 'zod';
import { MemberCard } from './follow.js';

const MessageBody = z.string().trim().min(1).max(5000);

export const StartConversationRequest = z.strictObject({ to: z.string().min(1).max(60).regex(/^[a-z0-9-]+$/), body: MessageBody });
export type StartConversationRequest = z.infer<typeof StartConversationRequest>;

export const SendMessageRequest = z.strictObject({ body: MessageBody });
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

export const MessageView = z.object({ id: z.uuid(), mine: z.boolean(), sender: MemberCard.nullable(), body: z.string(), createdAt: z.iso.datetime() });
export type MessageView = z.infer<typeof MessageView>;

export const ConversationSummary = z.object({
  id: z.uuid(),
  /** The other member; null when their account was deleted. */
  with: MemberCard.nullable(),
  lastMessage: z.string(),
  lastMessageAt: z.iso.datetime(),
  unread: z.number().int(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationList = z.object({ items: z.array(ConversationSummary) });
export type ConversationList = z.infer<typeof ConversationList>;

export const MessagePage = z.object({ items: z.array(MessageView), nextCursor: z.string().nullable() });
export type MessagePage = z.infer<typeof MessagePage>;

export const ConversationStarted = z.object({ conversationId: z.uuid(), message: MessageView });
export type ConversationStarted = z.infer<typeof ConversationStarted>;

export const ConversationIdParam = z.strictObject({ id: z.uuid() });
