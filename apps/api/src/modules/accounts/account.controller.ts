import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcceptedResponse, ChangeEmailRequest, ChangePasswordRequest } from '@lesplein/contracts/auth';
import { Ok } from '@lesplein/contracts/common';
import {
  LoginHistory,
  RecoveryCodesResponse,
  SessionList,
  SignOutOthersResponse,
  TwoFactorDisableRequest,
  TwoFactorEnableRequest,
  TwoFactorSetupResponse,
} from '@lesplein/contracts/security';
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor.js';
import { AllowPendingSecondFactor, CurrentActor } from '../../core/auth/auth.decorators.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody, ZParams } from '../../core/validation/zod.js';
import { AccountSecurityService } from './account-security.service.js';
import { TwoFactorService } from './two-factor.service.js';

const OK: Ok = { ok: true };
const SessionParam = z.strictObject({ id: z.string().regex(/^[0-9a-f]{64}$/, { message: 'Onbekende sessie / Unknown session' }) });
const PasswordOnly = z.strictObject({ password: z.string().min(1).max(200) });

/** The member's security page: password, e-mail, sessions, log-in history, two-factor authentication. */
@ApiTags('account')
@Controller('api/account')
export class AccountController {
  constructor(
    private readonly security: AccountSecurityService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @Post('password')
  @HttpCode(200)
  @RateLimit('change-password', 10, 3600)
  @ApiContract({ body: ChangePasswordRequest, response: Ok, summary: 'Change the password (other sessions end)' })
  async changePassword(@CurrentActor() actor: Actor, @ZBody(ChangePasswordRequest) body: ChangePasswordRequest): Promise<Ok> {
    await this.security.changePassword(actor, body.currentPassword, body.newPassword);
    return OK;
  }

  @Post('email')
  @HttpCode(202)
  @RateLimit('change-email', 5, 3600)
  @ApiContract({ body: ChangeEmailRequest, response: AcceptedResponse, status: 202, summary: 'Ask to change the e-mail address (confirmed by link)' })
  async changeEmail(@CurrentActor() actor: Actor, @ZBody(ChangeEmailRequest) body: { newEmail: string; password: string }): Promise<AcceptedResponse> {
    await this.security.requestEmailChange(actor, body.newEmail, body.password);
    return { accepted: true };
  }

  @Get('sessions')
  @ApiContract({ response: SessionList, summary: 'Active sessions' })
  sessions(@CurrentActor() actor: Actor): Promise<SessionList> {
    return this.security.listSessions(actor);
  }

  @Delete('sessions/:id')
  @ApiContract({ params: SessionParam, response: Ok, summary: 'End one of my sessions' })
  async endSession(@CurrentActor() actor: Actor, @ZParams(SessionParam) params: { id: string }): Promise<Ok> {
    await this.security.endSession(actor, params.id);
    return OK;
  }

  @Post('sessions/sign-out-others')
  @HttpCode(200)
  @ApiContract({ response: SignOutOthersResponse, summary: 'Sign out everywhere else' })
  async signOutOthers(@CurrentActor() actor: Actor): Promise<SignOutOthersResponse> {
    return { ended: await this.security.signOutOthers(actor) };
  }

  @Get('login-history')
  @ApiContract({ response: LoginHistory, summary: 'My successful log-ins (kept 90 days)' })
  loginHistory(@CurrentActor() actor: Actor): Promise<LoginHistory> {
    return this.security.loginHistory(actor);
  }

  @AllowPendingSecondFactor()
  @Post('2fa/setup')
  @HttpCode(200)
  @RateLimit('2fa-setup', 10, 3600)
  @ApiContract({ response: TwoFactorSetupResponse, summary: 'Start setting up TOTP' })
  setUpTwoFactor(@CurrentActor() actor: Actor): Promise<TwoFactorSetupResponse> {
    return this.twoFactor.setup(actor);
  }

  @AllowPendingSecondFactor()
  @Post('2fa/enable')
  @HttpCode(200)
  @RateLimit('2fa-enable', 10, 900)
  @ApiContract({ body: TwoFactorEnableRequest, response: RecoveryCodesResponse, summary: 'Confirm TOTP with a code; returns recovery codes once' })
  enableTwoFactor(@CurrentActor() actor: Actor, @ZBody(TwoFactorEnableRequest) body: TwoFactorEnableRequest): Promise<RecoveryCodesResponse> {
    return this.twoFactor.enable(actor, body.code);
  }

  @Post('2fa/disable')
  @HttpCode(200)
  @RateLimit('2fa-disable', 10, 900)
  @ApiContract({ body: TwoFactorDisableRequest, response: Ok, summary: 'Disable TOTP (members only; password and code needed)' })
  async disableTwoFactor(@CurrentActor() actor: Actor, @ZBody(TwoFactorDisableRequest) body: TwoFactorDisableRequest): Promise<Ok> {
    await this.twoFactor.disable(actor, body.password, body.code);
    return OK;
  }

  @Post('2fa/recovery-codes')
  @HttpCode(200)
  @RateLimit('2fa-recovery', 10, 900)
  @ApiContract({ body: PasswordOnly, response: RecoveryCodesResponse, summary: 'Replace the recovery codes' })
  regenerateRecoveryCodes(@CurrentActor() actor: Actor, @ZBody(PasswordOnly) body: { password: string }): Promise<RecoveryCodesResponse> {
    return this.twoFactor.regenerateRecoveryCodes(actor, body.password);
  }
}
