import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { LoginRequest } from '@lesplein/contracts/auth';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { truncateIp } from '../../core/crypto/ip.js';
import { Unauthenticated, ValidationFailed } from '../../core/errors/domain-error.js';
import { zodIssuesToErrors } from '../../core/validation/zod.js';
import { LoginService, type VerifiedMember } from './login.service.js';

/** Passport's local strategy: e-mail and password checked by the LoginService. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly login: LoginService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: FastifyRequest, email: string, password: string): Promise<VerifiedMember> {
    const agent = request.headers['user-agent'];
    return this.login.verifyCredentials(email.trim().toLowerCase(), password, {
      ipPrefix: truncateIp(request.ip),
      userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null,
    });
  }
}

/**
 * Runs the local strategy after validating the body against the contract, so malformed
 * input gets 400 problem+json (guards run before pipes) and refusals keep their problem codes.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const parsed = LoginRequest.safeParse(request.body ?? {});
    if (!parsed.success) throw ValidationFailed(zodIssuesToErrors(parsed.error));
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw Unauthenticated();
    return user;
  }
}
