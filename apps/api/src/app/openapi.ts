import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI document generated from the contracts (via ApiContract), at /api/openapi.json and /api/docs. */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Lesplein API')
    .setDescription(
      'Errors are application/problem+json (RFC 9457) with a stable `code`. State-changing requests need the `x-csrf-token` header from GET /api/auth/csrf. The session is an httpOnly cookie.',
    )
    .setVersion('0.1.0')
    .addCookieAuth('lp_session')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', yamlDocumentUrl: 'api/openapi.yaml' });
}
