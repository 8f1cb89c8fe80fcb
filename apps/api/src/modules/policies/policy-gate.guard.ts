import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemCode } from '@lesplein/contracts/common';
import type { FastifyRequest } from 'fastify';
import { ALLOW_PENDING_POLICY, PUBLIC } from '../../core/auth/auth.decorators.js';
import { Forbidden } from '../../core/errors/domain-error.js';
import { PoliciesService } from './policies.service.js';

/**
 * Global guard after the session guard (PoliciesModule comes after CoreModule, so its APP_GUARD
 * runs after CoreModule's): a session begun after a substantial change of the privacy statement
 * is limited until the member accepts it. Every member route then answers 403
 * `policy_acceptance_required`, except those marked `@AllowPendingPolicyAcceptance()` (the
 * member's status and acceptance, who am I, log-out). Public routes stay open.
 */
@Injectable()
export class PolicyGate implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly policies: PoliciesService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
    if (!actor) return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets) || this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_POLICY, targets)) return true;
    if (await this.policies.acceptanceRequired(actor)) {
      throw Forbidden('Accept the new version of the privacy statement first.', ProblemCode.policyAcceptanceRequired);
    }
    return true;
  }
}
