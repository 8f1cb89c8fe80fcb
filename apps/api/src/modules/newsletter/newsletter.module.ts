import { Module } from '@nestjs/common';
import { NewsletterAdminController } from './newsletter-admin.controller.js';
import { NewsletterController } from './newsletter.controller.js';
import { NewsletterRepository } from './newsletter.repository.js';
import { NewsletterService } from './newsletter.service.js';

/** Newsletters and invitations, only to members who opted in, with one-click unsubscribe. */
@Module({
  controllers: [NewsletterController, NewsletterAdminController],
  providers: [NewsletterRepository, NewsletterService],
})
export class NewsletterModule {}
