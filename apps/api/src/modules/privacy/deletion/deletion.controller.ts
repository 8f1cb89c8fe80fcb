import { Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccountDeletionRequest, AccountDeletionView, DeletionTokenParam } from '@lesplein/contracts/account-deletion';
import { APP_CONFIG, type AppConfig } from '../../../config/env.js';
import type { Actor } from '../../../core/auth/actor.js';
import { AllowPendingPolicyAcceptance, CurrentActor, Public } from '../../../core/auth/auth.decorators.js';
import { clearSessionCookie } from '../../../core/auth/session-cookie.js';
import { RateLimit } from '../../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZParams } from '../../../core/validation/zod.js';
import { DeletionRequestService } from './deletion-request.service.js';

/** Deleting one's account (from the security page) and cancelling it with the e-mailed link. */
@ApiTags('account')
@Controller('api')
export class DeletionController {
  constructor(
    private readonly deletions: DeletionRequestService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // A member who does not accept a new privacy statement may leave instead.
  @AllowPendingPolicyAcceptance()
  @Post('account/deletion')
  @HttpCode(202)
  @RateLimit('account-deletion', 10, 3600)
  @ApiContract({ body: AccountDeletionRequest, response: AccountDeletionView, status: 202, summary: 'Delete my account (after a grace period; the session ends)' })
  async request(
    @CurrentActor() actor: Actor,
    @ZBody(AccountDeletionRequest) body: { password: string; code?: string; contributions: 'keep_anonymous' | 'remove' },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccountDeletionView> {
    const view = await this.deletions.request(actor, body);
    clearSessionCookie(reply, this.config.secureCookies);
    return view;
  }

  @Public()
  @Get('account-deletion/:token')
  @RateLimit('account-deletion-link', 30, 3600)
  @ApiContract({ params: DeletionTokenParam, response: AccountDeletionView, summary: 'The state of a deletion (the cancel link)' })
  status(@ZParams(DeletionTokenParam) params: { token: string }): Promise<AccountDeletionView> {
    return this.deletions.statusByToken(params.token);
  }

  @Public()
  @Post('account-deletion/:token/cancel')
  @HttpCode(200)
  @RateLimit('account-deletion-link', 30, 3600)
  @ApiContract({ params: DeletionTokenParam, response: AccountDeletionView, summary: 'Cancel a deletion during the grace period' })
  cancel(@ZParams(DeletionTokenParam) params: { token: string }): Promise<AccountDeletionView> {
    return this.deletions.cancel(params.token);
  }
}
