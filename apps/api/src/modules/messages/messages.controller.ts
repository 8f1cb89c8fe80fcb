import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ok, PageQuery } from '@lesplein/contracts/common';
import { ConversationIdParam, ConversationStarted, ConversationList, MessagePage, MessageView, SendMessageRequest, StartConversationRequest } from '@lesplein/contracts/message';
import { UnreadCounts } from '@lesplein/contracts/notification';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZParams, ZQuery } from '../../core/validation/zod.js';
import { MessagesService } from './messages.service.js';

@ApiTags('messages')
@Controller('api')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Post('messages')
  @RateLimit('message', 60, 3600)
  @ApiContract({ body: StartConversationRequest, response: ConversationStarted, status: 201, summary: 'Send a private message to a member (starts or continues the conversation)' })
  start(@CurrentActor() actor: Actor, @ZBody(StartConversationRequest) body: { to: string; body: string }): Promise<ConversationStarted> {
    return this.messages.start(actor, body.to, body.body);
  }

  @Get('conversations')
  @ApiContract({ response: ConversationList, summary: 'My conversations with unread counts' })
  list(@CurrentActor() actor: Actor): Promise<ConversationList> {
    return this.messages.list(actor);
  }

  @Get('conversations/:id/messages')
  @ApiContract({ params: ConversationIdParam, query: PageQuery, response: MessagePage, summary: 'Messages of a conversation, newest first' })
  thread(@CurrentActor() actor: Actor, @ZParams(ConversationIdParam) params: { id: string }, @ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<MessagePage> {
    return this.messages.thread(actor, params.id, query);
  }

  @Post('conversations/:id/messages')
  @RateLimit('message', 60, 3600)
  @ApiContract({ params: ConversationIdParam, body: SendMessageRequest, response: MessageView, status: 201, summary: 'Reply in a conversation' })
  reply(@CurrentActor() actor: Actor, @ZParams(ConversationIdParam) params: { id: string }, @ZBody(SendMessageRequest) body: { body: string }): Promise<MessageView> {
    return this.messages.reply(actor, params.id, body.body);
  }

  @Post('conversations/:id/read')
  @HttpCode(200)
  @ApiContract({ params: ConversationIdParam, response: Ok, summary: 'Mark a conversation read' })
  async read(@CurrentActor() actor: Actor, @ZParams(ConversationIdParam) params: { id: string }): Promise<Ok> {
    await this.messages.markRead(actor, params.id);
    return { ok: true };
  }

  @Get('account/unread')
  @ApiContract({ response: UnreadCounts, summary: 'Unread notifications and messages (for the bell and the envelope)' })
  unread(@CurrentActor() actor: Actor): Promise<UnreadCounts> {
    return this.messages.unread(actor);
  }
}
