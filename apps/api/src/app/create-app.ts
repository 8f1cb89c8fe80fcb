import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/env.js';
import { NotFound } from '../core/errors/domain-error.js';
import { clientErrorHandler, frameworkErrors } from '../core/errors/framework-errors.js';
import { sendProblem } from '../core/errors/send-problem.js';
import { PERMISSIONS_POLICY } from '../core/http/security-headers.js';
import { IMAGE_MAX_BYTES, IMAGE_TYPES } from '../core/images/uploaded-image.js';
import { createLogger, NestPinoLogger, requestId } from '../core/logging/logger.js';
import { JobQueue } from '../core/outbox/job-queue.js';
import { RateLimitService } from '../core/rate-limit/rate-limit.js';
import { mountOidcProvider } from '../modules/partners/oidc/mount-provider.js';
import { OidcProviderService } from '../modules/partners/oidc/oidc-provider.service.js';
import { AppModule } from './app.module.js';
import { setUpOpenApi } from './openapi.js';

const API_PREFIXES = ['/api/', '/health/', '/dev/', '/oidc/', '/partner-api/'];

/**
 * Builds the whole HTTP application (API, OpenAPI docs, built web client on the same origin)
 * on an already migrated database. Used by main.ts and by the API tests.
 */
export async function createApp(config: AppConfig, databaseUrl: string, logger: Logger = createLogger(config.logLevel)): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: requestId,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors Fastify and Node's parser answer before any route runs: problem+json too.
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    logger: new NestPinoLogger(logger),
  });
  const fastify = app.getHttpAdapter().getInstance();

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'upgrade-insecure-requests': config.secureCookies ? [] : null,
        'img-src': ["'self'", 'data:', 'blob:'],
        'media-src': ["'self'", 'blob:'],
        // Video embeds of resources (privacy-enhanced YouTube, Vimeo with do-not-track).
        'frame-src': ["'self'", 'https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
        // No page of ours may be framed (the consent screen above all: clickjacking).
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
      },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: config.secureCookies,
  });
  // File uploads arrive as a raw stream; the upload service enforces size limits while streaming.
  fastify.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  // Image uploads (profile photos, partner logos) arrive whole, as a buffer, and are re-encoded.
  fastify.addContentTypeParser(IMAGE_TYPES, { parseAs: 'buffer', bodyLimit: IMAGE_MAX_BYTES }, (_request, body, done) => done(null, body));
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    // No page of ours needs these browser features; nothing embedded may ask for them either.
    void reply.header('permissions-policy', PERMISSIONS_POLICY);
  });

  // The OpenID Connect provider answers /oidc/* itself, before Fastify parses bodies.
  mountOidcProvider(fastify, app.get(OidcProviderService), app.get(RateLimitService), { hsts: config.secureCookies });
  setUpOpenApi(app);
  await serveWebClient(app, config);

  await app.init();
  await app.get(JobQueue).start();
  return app;
}

/**
 * Serves the built web client with a fallback to index.html for client-side routes. The build
 * writes .br and .gz copies of its text files (apps/web/vite.config.ts); a browser that accepts
 * one gets it (`Vary: Accept-Encoding`), others the plain file. Files under /assets/ carry a
 * content hash in their name, so they are cached for a year; index.html is revalidated on every
 * load (it names the current hashes); anything else (the favicon) for an hour.
 */
async function serveWebClient(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const indexFile = path.join(config.webDistDir, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      preCompressed: true,
      // The compressed copies are chosen through preCompressed, not requested by name.
      globIgnore: ['**/*.br', '**/*.gz'],
      setHeaders: (reply, file) => {
        const relative = path.relative(config.webDistDir, file);
        if (relative.startsWith(`assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
        else if (relative === 'index.html' || relative.startsWith(`index.html.`)) reply.header('cache-control', 'no-cache');
      },
    });
  }
  fastify.get('/*', async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (!hasWeb || API_PREFIXES.some((prefix) => url.startsWith(prefix) || `${url}/` === prefix)) {
      sendProblem(NotFound('Page'), request, reply);
      return reply;
    }
    return reply.sendFile('index.html');
  });
}
