import { Injectable } from '@nestjs/common';
import { ProblemCode } from '@lesplein/contracts/common';
import type { ConversationList, MessagePage, MessageView } from '@lesplein/contracts/message';
import type { UnreadCounts } from '@lesplein/contracts/notification';
import type { Actor } from '../../core/auth/actor.js';
import { TransactionRunner } from '../../core/database/transaction-runner.js';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../core/errors/domain-error.js';
import { decodeCursor, pageOf } from '../../core/pagination/cursor.js';
import { MembersRepository } from '../accounts/members.repository.js';
import { FollowsRepository } from '../community/follows.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { MessagesRepository } from './messages.repository.js';

const card = (member: { handle: string; firstName: string; lastName: string } | null) => (member ? { handle: member.handle, displayName: `${member.firstName} ${member.lastName}` } : null);

/** Private conversations between two members; a block in either direction stops new messages. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly members: MembersRepository,
    private readonly follows: FollowsRepository,
    private readonly notifications: NotificationsService,
    private readonly tx: TransactionRunner,
  ) {}

  async start(actor: Actor, toHandle: string, body: string): Promise<{ conversationId: string; message: MessageView }> {
    const recipient = await this.members.findProfileByHandle(toHandle);
    if (!recipient) throw NotFound('Member');
    if (recipient.id === actor.memberId) throw ValidationFailed([{ path: 'to', message: 'Je kunt jezelf geen bericht sturen / You cannot message yourself' }]);
    return this.send(actor, recipient.id, body);
  }

  async reply(actor: Actor, conversationId: string, body: string): Promise<MessageView> {
    const conversation = await this.messages.findConversation(conversationId, actor.memberId);
    if (!conversation) throw NotFound('Conversation');
    const otherId = conversation.memberAId === actor.memberId ? conversation.memberBId : conversation.memberAId;
    if (!otherId) throw Conflict('This member deleted their account: the conversation can be read but no longer answered.', ProblemCode.memberGone);
    return (await this.send(actor, otherId, body)).message;
  }

  async list(actor: Actor): Promise<ConversationList> {
    const rows = await this.messages.listConversations(actor.memberId);
    const items = await Promise.all(
      rows.map(async (row) => {
        const mineIsA = row.memberAId === actor.memberId;
        return {
          id: row.id,
          with: card(mineIsA ? row.memberB : row.memberA),
          lastMessage: (row.messages[0]?.body ?? '').slice(0, 140),
          lastMessageAt: row.lastMessageAt.toISOString(),
          unread: await this.messages.unreadIn(row.id, actor.memberId, mineIsA ? row.memberAReadAt : row.memberBReadAt),
        };
      }),
    );
    return { items };
  }

  async thread(actor: Actor, conversationId: string, query: { cursor?: string; limit: number }): Promise<MessagePage> {
    const conversation = await this.messages.findConversation(conversationId, actor.memberId);
    if (!conversation) throw NotFound('Conversation');
    const rows = await this.messages.messages(conversationId, decodeCursor(query.cursor), query.limit + 1);
    const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return {
      items: page.items.map((row) => ({ id: row.id, mine: row.senderId === actor.memberId, sender: card(row.sender), body: row.body, createdAt: row.createdAt.toISOString() })),
      nextCursor: page.nextCursor,
    };
  }

  async markRead(actor: Actor, conversationId: string): Promise<void> {
    const conversation = await this.messages.findConversation(conversationId, actor.memberId);
    if (!conversation) throw NotFound('Conversation');
    await this.messages.markRead(conversationId, actor.memberId);
  }

  async unread(actor: Actor): Promise<UnreadCounts> {
    const [notifications, messages] = await Promise.all([this.notifications.unread(actor), this.messages.unreadTotal(actor.memberId)]);
    return { notifications, messages };
  }

  private async send(actor: Actor, recipientId: string, body: string): Promise<{ conversationId: string; message: MessageView }> {
    if ((await this.follows.isBlocked(recipientId, actor.memberId)) || (await this.follows.isBlocked(actor.memberId, recipientId))) {
      throw Forbidden('You cannot send messages to this member.');
    }
    return this.tx.run(async (tx) => {
      const conversationId = await this.messages.conversationFor(tx, actor.memberId, recipientId);
      const message = await this.messages.addMessage(tx, conversationId, actor.memberId, body);
      await this.notifications.notify(tx, [{ recipientId, type: 'new_message', actorId: actor.memberId, conversationId }]);
      return { conversationId, message: { id: message.id, mine: true, sender: null, body, createdAt: message.createdAt.toISOString() } };
    });
  }
}
