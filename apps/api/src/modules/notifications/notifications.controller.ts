import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Ok, PageQuery } from '@lesplein/contracts/common';
import {
  NotificationIdParam,
  NotificationPage,
  NotificationPreferences,
  UnsubscribeRequest,
  UnsubscribeResponse,
  UpdateNotificationPreferences,
  type NotificationChannel,
  type NotificationType,
} from '@lesplein/contracts/notification';
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, Public, SkipCsrf } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZodPipe, ZParams, ZQuery } from '../../core/validation/zod.js';
import { NotificationsService } from './notifications.service.js';

const Updated = z.object({ updated: z.number().int() });

@ApiTags('notifications')
@Controller('api')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiContract({ query: PageQuery, response: NotificationPage, summary: 'My notifications, newest first, with the unread count' })
  list(@CurrentActor() actor: Actor, @ZQuery(PageQuery) query: { cursor?: string; limit: number }): Promise<NotificationPage> {
    return this.notifications.list(actor, query);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiContract({ params: NotificationIdParam, response: Ok })
  async read(@CurrentActor() actor: Actor, @ZParams(NotificationIdParam) params: { id: string }): Promise<Ok> {
    await this.notifications.markRead(actor, params.id);
    return { ok: true };
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiContract({ response: Updated, summary: 'Mark all my notifications read' })
  async readAll(@CurrentActor() actor: Actor): Promise<{ updated: number }> {
    return { updated: await this.notifications.markAllRead(actor) };
  }

  @Get('account/notification-preferences')
  @ApiContract({ response: NotificationPreferences, summary: 'Per type: off, in-app, e-mail at once, or daily digest' })
  preferences(@CurrentActor() actor: Actor): Promise<NotificationPreferences> {
    return this.notifications.preferences(actor);
  }

  @Put('account/notification-preferences')
  @ApiContract({ body: UpdateNotificationPreferences, response: NotificationPreferences })
  setPreferences(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(UpdateNotificationPreferences)) body: { preferences: Partial<Record<NotificationType, NotificationChannel>> },
  ): Promise<NotificationPreferences> {
    return this.notifications.setPreferences(actor, body.preferences);
  }

  /** One-click unsubscribe (RFC 8058): authorised by the signed token in the link, so no session or CSRF token. */
  @Public()
  @SkipCsrf()
  @Post('notifications/unsubscribe')
  @HttpCode(200)
  @RateLimit('unsubscribe', 30, 3600)
  @ApiContract({ query: UnsubscribeRequest, response: UnsubscribeResponse, summary: 'One-click unsubscribe from the e-mail of one notification type' })
  unsubscribe(@ZQuery(UnsubscribeRequest) query: { token: string }): Promise<UnsubscribeResponse> {
    return this.notifications.unsubscribe(query.token);
  }
}
