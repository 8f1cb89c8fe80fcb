import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CommunityModule } from '../community/community.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { MessagesController } from './messages.controller.js';
import { MessagesRepository } from './messages.repository.js';
import { MessagesService } from './messages.service.js';

/** Private messages between members. */
@Module({
  imports: [AccountsModule, CommunityModule, NotificationsModule],
  controllers: [MessagesController],
  providers: [MessagesRepository, MessagesService],
})
export class MessagesModule {}
