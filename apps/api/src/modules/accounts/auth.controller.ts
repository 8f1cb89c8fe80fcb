import { Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AcceptedResponse,
  CsrfResponse,
  CurrentMember,
  ForgotPasswordRequest,
  LoginRequest,
  LoginResponse,
  LoginSecondFactorRequest,
  RegisterRequest,
  ResendVerificationRequest,
  ResetPasswordRequest,
  VerifyEmailRequest,
} from '@lesplein/contracts/auth';
import { Ok } from '@lesplein/contracts/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/env.js';
import type { Actor, ClientInfo } from '../../core/auth/actor.js';
import { AllowPendingPolicyAcceptance, AllowPendingSecondFactor, Client, CurrentActor, Public } from '../../core/auth/auth.decorators.js';
import { issueCsrfToken } from '../../core/auth/csrf.js';
import { clearSessionCookie, setSessionCookie } from '../../core/auth/session-cookie.js';
import { SessionService } from '../../core/auth/session.service.js';
import { RateLimit } from '../../core/rate-limit/rate-limit.js';
import { ApiContract, ZBody } from '../../core/validation/zod.js';
import { AccountSecurityService } from './account-security.service.js';
import { LocalAuthGuard } from './local.strategy.js';
import { LoginService, type LoginResult, type VerifiedMember } from './login.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { ProfileService } from './profile.service.js';
import { RegistrationService } from './registration.service.js';

const ACCEPTED: AcceptedResponse = { accepted: true };
const OK: Ok = { ok: true };

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly login: LoginService,
    private readonly passwordReset: PasswordResetService,
    private readonly security: AccountSecurityService,
    private readonly sessions: SessionService,
    private readonly profiles: ProfileService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('csrf')
  @ApiContract({ response: CsrfResponse, summary: 'A CSRF token for the x-csrf-token header (sets its secret cookie)' })
  csrf(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): CsrfResponse {
    return { token: issueCsrfToken(request, reply, this.config.secureCookies) };
  }

  @AllowPendingPolicyAcceptance()
  @AllowPendingSecondFactor()
  @Get('me')
  @ApiContract({ response: CurrentMember, summary: 'The signed-in member' })
  async me(@CurrentActor() actor: Actor): Promise<CurrentMember> {
    return this.profiles.currentMember(actor);
  }

  @Public()
  @Post('register')
  @HttpCode(202)
  @RateLimit('register', 10, 3600)
  @ApiContract({ body: RegisterRequest, response: AcceptedResponse, status: 202, summary: 'Register; a verification link is e-mailed' })
  async register(@ZBody(RegisterRequest) body: Required<RegisterRequest>): Promise<AcceptedResponse> {
    await this.registration.register(body as Required<RegisterRequest> & { locale: 'nl' | 'en' });
    return ACCEPTED;
  }

  @Public()
  @Post('verify-email')
  @HttpCode(200)
  @RateLimit('verify-email', 30, 3600)
  @ApiContract({ body: VerifyEmailRequest, response: Ok, summary: 'Confirm the e-mail address with the mailed token' })
  async verifyEmail(@ZBody(VerifyEmailRequest) body: VerifyEmailRequest): Promise<Ok> {
    await this.registration.verify(body.token);
    return OK;
  }

  @Public()
  @Post('resend-verification')
  @HttpCode(202)
  @RateLimit('resend-verification', 5, 3600)
  @ApiContract({ body: ResendVerificationRequest, response: AcceptedResponse, status: 202 })
  async resendVerification(@ZBody(ResendVerificationRequest) body: { email: string }): Promise<AcceptedResponse> {
    await this.registration.resend(body.email);
    return ACCEPTED;
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiContract({ body: LoginRequest, response: LoginResponse, summary: 'Log in with e-mail and password (Passport local strategy)' })
  async logIn(@Req() request: FastifyRequest & { user: VerifiedMember }, @Client() client: ClientInfo, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    return this.finish(await this.login.begin(request.user, client), reply);
  }

  @Public()
  @Post('login/second-factor')
  @HttpCode(200)
  @RateLimit('login-second-factor', 20, 900)
  @ApiContract({ body: LoginSecondFactorRequest, response: LoginResponse, summary: 'Second log-in step: TOTP or recovery code' })
  async secondFactor(
    @ZBody(LoginSecondFactorRequest) body: LoginSecondFactorRequest,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    return this.finish(await this.login.completeSecondFactor(body.challenge, body.code, client), reply);
  }

  @AllowPendingPolicyAcceptance()
  @AllowPendingSecondFactor()
  @Post('logout')
  @HttpCode(200)
  @ApiContract({ response: Ok, summary: 'End this session' })
  async logOut(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<Ok> {
    await this.sessions.end(actor.sessionId);
    clearSessionCookie(reply, this.config.secureCookies);
    return OK;
  }

  @Public()
  @Post('forgot-password')
  @HttpCode(202)
  @RateLimit('forgot-password', 5, 3600)
  @ApiContract({ body: ForgotPasswordRequest, response: AcceptedResponse, status: 202, summary: 'Mail a reset link (same answer for unknown addresses)' })
  async forgotPassword(@ZBody(ForgotPasswordRequest) body: { email: string }): Promise<AcceptedResponse> {
    await this.passwordReset.request(body.email);
    return ACCEPTED;
  }

  @Public()
  @Post('reset-password')
  @HttpCode(200)
  @RateLimit('reset-password', 10, 3600)
  @ApiContract({ body: ResetPasswordRequest, response: Ok })
  async resetPassword(@ZBody(ResetPasswordRequest) body: ResetPasswordRequest): Promise<Ok> {
    await this.passwordReset.reset(body.token, body.password);
    return OK;
  }

  @Public()
  @Post('confirm-email')
  @HttpCode(200)
  @RateLimit('confirm-email', 10, 3600)
  @ApiContract({ body: VerifyEmailRequest, response: Ok, summary: 'Confirm a new e-mail address with the mailed token' })
  async confirmEmail(@ZBody(VerifyEmailRequest) body: VerifyEmailRequest): Promise<Ok> {
    await this.security.confirmEmailChange(body.token);
    return OK;
  }

  private finish(result: LoginResult, reply: FastifyReply): LoginResponse {
    if (result.status === 'second_factor_required') return result;
    setSessionCookie(reply, result.sessionToken, { secure: this.config.secureCookies, maxAgeSeconds: this.sessions.maxAgeSeconds });
    return { status: 'signed_in', member: result.member };
  }
}
