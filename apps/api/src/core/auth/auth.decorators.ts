import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@lesplein/contracts/auth';
import type { FastifyRequest } from 'fastify';
import { truncateIp } from '../crypto/ip.js';
import { Unauthenticated } from '../errors/domain-error.js';
import type { Actor, ClientInfo } from './actor.js';

export const PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';
export const ALLOW_PENDING_2FA = 'auth:allow-pending-2fa';
export const SKIP_CSRF = 'auth:skip-csrf';
export const ALLOW_PENDING_POLICY = 'auth:allow-pending-policy';

/** Reachable without a session (a session, when present, is still resolved). */
export const Public = () => SetMetadata(PUBLIC, true);
/** Only these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
/** Moderators and admins who have not set up 2FA yet may still call this route. */
export const AllowPendingSecondFactor = () => SetMetadata(ALLOW_PENDING_2FA, true);
/**
 * Reachable while the member still has to accept a substantial change of the privacy statement
 * (the policy gate answers 403 `policy_acceptance_required` on every other member route).
 */
export const AllowPendingPolicyAcceptance = () => SetMetadata(ALLOW_PENDING_POLICY, true);

/**
 * No CSRF token needed: only for state-changing routes authorised by a secret in the request
 * itself (e.g. one-click unsubscribe links from e-mail, RFC 8058).
 */
export const SkipCsrf = () => SetMetadata(SKIP_CSRF, true);

/** The signed-in member; the session guard guarantees it on non-public routes. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<FastifyRequest>().actor;
  if (!actor) throw Unauthenticated();
  return actor;
});

/** The signed-in member or undefined (for public routes that show more to members). */
export const OptionalActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | undefined => context.switchToHttp().getRequest<FastifyRequest>().actor,
);

/** Truncated IP and user agent of the client. */
export const Client = createParamDecorator((_data: unknown, context: ExecutionContext): ClientInfo => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const agent = request.headers['user-agent'];
  return { ipPrefix: truncateIp(request.ip), userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null };
});
