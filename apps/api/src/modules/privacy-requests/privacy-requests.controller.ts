import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MyPrivacyRequestList, NewPrivacyRequest, PrivacyRequestReceipt } from '@lesplein/contracts/privacy-request';
import type { z } from 'zod';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody } from '../../core/validation/zod.js';
import { PrivacyRequestsService } from './privacy-requests.service.js';

type NewRequestInput = z.output<typeof NewPrivacyRequest>;

@ApiTags('privacy requests')
@Controller('api')
export class PrivacyRequestsController {
  constructor(private readonly requests: PrivacyRequestsService) {}

  /** Open to everyone: signed in, the member's own address is used; signed out, an e-mail address is required. */
  @Public()
  @Post('privacy-requests')
  @RateLimit('privacy-request', 10, 3600)
  @ApiContract({ body: NewPrivacyRequest, response: PrivacyRequestReceipt, status: 201, summary: 'File a request (restriction, objection, rectification), a question to the data protection officer, or feedback' })
  file(@OptionalActor() actor: Actor | undefined, @ZBody(NewPrivacyRequest) body: NewRequestInput): Promise<PrivacyRequestReceipt> {
    return this.requests.file(actor, body);
  }

  @Get('account/privacy-requests')
  @ApiContract({ response: MyPrivacyRequestList, summary: 'My requests and their answers, newest first' })
  mine(@CurrentActor() actor: Actor): Promise<MyPrivacyRequestList> {
    return this.requests.mine(actor);
  }
}
