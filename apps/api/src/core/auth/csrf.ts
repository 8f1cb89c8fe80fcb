import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import csrf from '@fastify/csrf';
import { ProblemCode } from '@lesplein/contracts/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden } from '../errors/domain-error.js';
import { SKIP_CSRF } from './auth.decorators.js';
import { CSRF_COOKIE } from './session-cookie.js';

const tokens = csrf();
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for every state-changing request: the client fetches a token from
 * GET /api/auth/csrf (which sets a secret in an httpOnly cookie) and sends it back in the
 * `x-csrf-token` header. Combined with SameSite=Lax cookies.
 */
export function issueCsrfToken(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && existing.length >= 16) return tokens.create(existing);
  const secret = tokens.secretSync();
  void reply.setCookie(CSRF_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  return tokens.create(secret);
}

@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
    if (this.reflector.getAllAndOverride<boolean>(SKIP_CSRF, [context.getHandler(), context.getClass()])) return true;
    const secret = request.cookies[CSRF_COOKIE];
    const token = request.headers['x-csrf-token'];
    if (!secret || typeof token !== 'string' || !tokens.verify(secret, token)) {
      throw Forbidden('The CSRF token is missing or invalid; reload the page and try again.', ProblemCode.csrf);
    }
    return true;
  }
}
