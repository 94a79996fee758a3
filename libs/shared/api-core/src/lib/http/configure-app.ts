import multipart from '@fastify/multipart';
import { VersioningType } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from '../config/app-config';
import { ROOT_LOGGER, RootLogger } from '../logging/logging.module';
import { logRequests } from '../logging/request-log';
import { ProblemDetailsFilter } from '../problem/problem-details.filter';
import { badRequest } from '../problem/problem.exception';
import { createValidationPipe } from '../problem/validation';

/** The largest JSON body any route accepts; files come as multipart, each route with its own limit. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * Security headers: what Helmet sets, computed once at boot (no directive
 * depends on the request) and then copied onto every reply, instead of
 * Helmet rebuilding the same policy strings for each request.
 */
function securityHeaders(): [string, string][] {
  const headers = new Map<string, string>();
  let failure: unknown;
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) =>
      headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:'],
        // Lesson videos embed from YouTube's no-cookie host only; the web app builds the address from a checked id.
        'frame-src': ['https://www.youtube-nocookie.com'],
        'upgrade-insecure-requests': null,
      },
    },
  })({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure || !headers.has('content-security-policy'))
    throw new Error(`Helmet did not yield the security headers: ${String(failure ?? 'no policy set')}`);
  return [...headers];
}

/**
 * The HTTP pipeline, shared by main.ts and the e2e tests so tests see exactly
 * what production serves: /api/v1 routes, problem+json errors (malformed and
 * oversized bodies included), one validation pipe, security headers, multipart
 * uploads, CORS and the OpenAPI page.
 */
export async function configureApp(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<NestFastifyApplication> {
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  const headers = securityHeaders();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    // On the raw response, so that replies streamed past Fastify (server-sent events) carry them too.
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  logRequests(fastify, app.get<symbol, RootLogger>(ROOT_LOGGER));
  // Our own JSON parser (the app is created with bodyParser: false) so that a
  // malformed body is answered as a problem of its own; an oversized one is 413.
  // An empty body is no body, as clients send it on POSTs that carry nothing.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT },
    (request, body: string, done) =>
      body.length === 0
        ? done(null, undefined)
        : parseJson(request, body, (error, value) =>
            error
              ? done(badRequest('request.malformed-body', 'The request body is not valid JSON.'))
              : done(null, value),
          ),
  );
  // Each upload route sets its own file limit (FileUploadInterceptor); these bound what any multipart request may hold.
  await app.register(multipart, { limits: { files: 1, fields: 20, parts: 21 } });
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: true });
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('ThucHoc API')
      .setDescription('Political-theory training that proves attendance, participation and assessment.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
