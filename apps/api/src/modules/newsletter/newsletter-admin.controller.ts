import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NewsletterList, NewsletterView, SendNewsletter } from '@lesplein/contracts/newsletter';
import type { z } from 'zod';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators.js';
import { ApiContract, ZBody } from '../../core/validation/zod.js';
import { NewsletterService } from './newsletter.service.js';

type SendInput = z.infer<typeof SendNewsletter>;

@ApiTags('administration')
@Roles('admin')
@Controller('api/admin/newsletters')
export class NewsletterAdminController {
  constructor(private readonly newsletters: NewsletterService) {}

  @Get()
  @ApiContract({ response: NewsletterList, summary: 'Admins: the newsletters sent and the number of members who opted in' })
  list(): Promise<NewsletterList> {
    return this.newsletters.list();
  }

  @Post()
  @ApiContract({ body: SendNewsletter, response: NewsletterView, status: 201, summary: 'Admins: send a newsletter or invitation to the members who opted in, through the outbox (audited)' })
  send(@CurrentActor() actor: Actor, @ZBody(SendNewsletter) body: SendInput): Promise<NewsletterView> {
    return this.newsletters.send(actor, body);
  }
}
