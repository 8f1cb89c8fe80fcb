import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemCode } from '@lesplein/contracts/common';
import type { Role } from '@lesplein/contracts/auth';
import type { FastifyRequest } from 'fastify';
import { Forbidden, Unauthenticated } from '../errors/domain-error.js';
import { ALLOW_PENDING_2FA, PUBLIC, ROLES } from './auth.decorators.js';
import { sessionToken } from './session-cookie.js';
import { SessionService } from './session.service.js';

/**
 * Global guard: resolves the session cookie into `request.actor`, refuses anonymous callers on
 * non-public routes (401), checks roles (403), and requires moderators and admins to have
 * two-factor authentication before they do anything else.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = sessionToken(request);
    if (token) request.actor = await this.sessions.resolve(token);
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const actor = request.actor;
    if (!actor) throw Unauthenticated();
    if (actor.role !== 'member' && !actor.twoFactorEnabled && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_2FA, targets)) {
      throw Forbidden('Set up two-factor authentication first: it is required for your role.', ProblemCode.secondFactorRequired);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(actor.role)) throw Forbidden();
    return true;
  }
}
