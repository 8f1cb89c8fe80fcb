import type { Role } from '@lesplein/contracts/auth';

/** The signed-in member making a request, as resolved from the session cookie. */
export interface Actor {
  memberId: string;
  role: Role;
  sessionId: string;
  twoFactorEnabled: boolean;
}

/** What services need to know about the client for security logs (already minimised). */
export interface ClientInfo {
  ipPrefix: string;
  userAgent: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}
