import { INestApplication, VersioningType } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE } from '@thuchoc/shared/contracts';
import { json, NextFunction, Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { ProblemDetailsFilter } from '../problem/problem-details.filter';
import { createValidationPipe } from '../problem/validation';

/**
 * The HTTP pipeline, shared by main.ts and the e2e tests so tests see exactly
 * what production serves: /api/v1 routes, problem+json errors, one validation
 * pipe, security headers, CORS and the OpenAPI page.
 */
export function configureApp(app: INestApplication, config: AppConfig): INestApplication {
  app.useLogger(app.get(Logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:'],
          // Lesson videos embed from YouTube's no-cookie host only; the web app builds the address from a checked id.
          'frame-src': ['https://www.youtube-nocookie.com'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  // Our own body parser (the app is created with bodyParser: false) so that a
  // malformed or oversized body is answered as problem+json, never swallowed.
  app.use(json({ limit: '1mb' }));
  app.use(bodyParseErrorHandler);
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

function bodyParseErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const status = (error as { status?: number }).status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return next(error);
  const code = status === 413 ? 'request.too-large' : 'request.malformed-body';
  res
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify({
        type: `urn:thuchoc:problem:${code}`,
        title: STATUS_CODES[status] ?? 'Bad Request',
        status,
        code,
        detail: status === 413 ? 'The request body is too large.' : 'The request body is not valid JSON.',
        instance: _req.originalUrl,
      }),
    );
}
