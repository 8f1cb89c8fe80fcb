import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NewsletterSettings, NewsletterUnsubscribeRequest, NewsletterUnsubscribeResponse, UpdateNewsletterSettings } from '@lesplein/contracts/newsletter';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, Public, SkipCsrf } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZQuery } from '../../core/validation/zod.js';
import { NewsletterService } from './newsletter.service.js';

@ApiTags('newsletter')
@Controller('api')
export class NewsletterController {
  constructor(private readonly newsletters: NewsletterService) {}

  @Get('account/newsletter')
  @ApiContract({ response: NewsletterSettings, summary: 'My choice about newsletters and invitations (off by default) and its history' })
  settings(@CurrentActor() actor: Actor): Promise<NewsletterSettings> {
    return this.newsletters.settings(actor);
  }

  @Put('account/newsletter')
  @ApiContract({ body: UpdateNewsletterSettings, response: NewsletterSettings, summary: 'Opt in to or out of newsletters and invitations (recorded as evidence)' })
  update(@CurrentActor() actor: Actor, @ZBody(UpdateNewsletterSettings) body: { subscribed: boolean }): Promise<NewsletterSettings> {
    return this.newsletters.update(actor, body.subscribed);
  }

  /** One-click unsubscribe (RFC 8058): authorised by the signed token in the link, so no session or CSRF token. */
  @Public()
  @SkipCsrf()
  @Post('newsletter/unsubscribe')
  @HttpCode(200)
  @RateLimit('newsletter-unsubscribe', 30, 3600)
  @ApiContract({ query: NewsletterUnsubscribeRequest, response: NewsletterUnsubscribeResponse, summary: 'One-click unsubscribe from newsletters and invitations' })
  unsubscribe(@ZQuery(NewsletterUnsubscribeRequest) query: { token: string }): Promise<NewsletterUnsubscribeResponse> {
    return this.newsletters.unsubscribe(query.token);
  }
}
