import type { FastifyInstance } from 'fastify';
import type { OidcProviderService } from './oidc-provider.service.js';

const PREFIX = '/oidc';

/**
 * Hands every request under /oidc to the provider before Fastify reads the body (the provider
 * parses its own forms). The URL loses the prefix; originalUrl keeps it so links stay right.
 */
export function mountOidcProvider(fastify: FastifyInstance, oidc: OidcProviderService): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const url = request.raw.url ?? '';
    if (!(url === PREFIX || url.startsWith(`${PREFIX}/`) || url.startsWith(`${PREFIX}?`))) return;
    reply.hijack();
    const raw = request.raw as typeof request.raw & { originalUrl?: string };
    raw.originalUrl = url;
    raw.url = url.slice(PREFIX.length) || '/';
    reply.raw.setHeader('x-frame-options', 'DENY');
    reply.raw.setHeader('x-content-type-options', 'nosniff');
    reply.raw.setHeader('referrer-policy', 'no-referrer');
    reply.raw.setHeader('x-request-id', request.id);
    oidc.handle(raw, reply.raw);
    return reply;
  });
}
