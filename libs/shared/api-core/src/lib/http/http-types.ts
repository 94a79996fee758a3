import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The HTTP request and reply every route sees. The api runs on Fastify; domain
 * code names these two types instead of the adapter's, so the adapter stays one
 * import away.
 */
export type HttpRequest = FastifyRequest;
export type HttpReply = FastifyReply;
