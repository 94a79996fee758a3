import fastifyStatic from '@fastify/static';
import { Logger, NotFoundException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';

/**
 * Serves the built Angular app from the same origin as the API: its files as
 * they are, and index.html for any other GET outside /api so the app's own
 * router resolves deep links. An unknown /api path stays a problem+json 404.
 */
export async function serveWebApp(app: NestFastifyApplication, webRoot: string | null): Promise<void> {
  if (!webRoot) return;
  if (!existsSync(webRoot)) {
    new Logger('WebApp').warn(`web app not found at ${webRoot}; serving the API only (run npm run build)`);
    return;
  }
  const fastify = app.getHttpAdapter().getInstance();
  // wildcard: false registers one route per file found at start: a lookup in the router, no disk probe per request.
  await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  fastify.get('/*', (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) {
      throw new NotFoundException(`Cannot GET ${request.url}`);
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}
