// request.cookies and reply.setCookie/clearCookie are @fastify/cookie's additions to Fastify's
// types (the plugin itself is registered in app/create-app.ts); imported here, where they are used,
// so every program that includes these files (the bench scripts too) sees them. Type-only: erased.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'lp_session';
export const CSRF_COOKIE = 'lp_csrf';

export interface CookieSettings {
  secure: boolean;
  maxAgeSeconds: number;
}

/** httpOnly, SameSite=Lax, Secure outside plain-http localhost. */
export function setSessionCookie(reply: FastifyReply, token: string, settings: CookieSettings): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
    maxAge: settings.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function sessionToken(request: FastifyRequest): string | undefined {
  const value = request.cookies[SESSION_COOKIE];
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}
