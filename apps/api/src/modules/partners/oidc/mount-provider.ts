import type { FastifyInstance } from 'fastify';
import { sendProblem } from '../../../core/errors/send-problem.js';
import { PERMISSIONS_POLICY, STRICT_TRANSPORT_SECURITY } from '../../../core/http/security-headers.js';
import type { RateLimitService } from '../../../core/rate-limit/rate-limit.js';
import type { OidcProviderService } from './oidc-provider.service.js';

const PREFIX = '/oidc';

/**
 * Hands every request under /oidc to the provider before Fastify reads the body (the provider
 * parses its own forms). The URL loses the prefix; originalUrl keeps it so links stay right.
 * The same per-address budget as the rest of the API applies first (Nest guards do not run here).
 */
export function mountOidcProvider(fastify: FastifyInstance, oidc: OidcProviderService, limits: RateLimitService, options: { hsts: boolean }): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const url = request.raw.url ?? '';
    if (!(url === PREFIX || url.startsWith(`${PREFIX}/`) || url.startsWith(`${PREFIX}?`))) return;
    try {
      limits.consumeGlobal(request.ip);
    } catch (error) {
      sendProblem(error, request, reply);
      return reply;
    }
    reply.hijack();
    const raw = request.raw as typeof request.raw & { originalUrl?: string };
    raw.originalUrl = url;
    // '/oidc?x' must reach the provider as '/?x': a URL that does not start with '/' made it fail with 500.
    const rest = url.slice(PREFIX.length);
    raw.url = rest.startsWith('/') ? rest : `/${rest}`;
    reply.raw.setHeader('x-frame-options', 'DENY');
    reply.raw.setHeader('x-content-type-options', 'nosniff');
    reply.raw.setHeader('referrer-policy', 'no-referrer');
    reply.raw.setHeader('x-request-id', request.id);
    reply.raw.setHeader('permissions-policy', PERMISSIONS_POLICY);
    if (options.hsts) reply.raw.setHeader('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    oidc.handle(raw, reply.raw, request.ip);
    return reply;
  });
}
