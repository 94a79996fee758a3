import type { FastifyInstance } from 'fastify';
import type { RootLogger } from './logging.module';

/** Health probes run every few seconds; their lines would drown the rest. */
const UNLOGGED_PREFIX = '/api/health';

/**
 * One line per answered request, written when the reply has gone out: the
 * request id, method, path, status and time taken. Server errors are logged
 * at `error`, the rest at `info`; nothing is built when that level is off.
 */
export function logRequests(fastify: FastifyInstance, logger: RootLogger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    if (logger.isLevelEnabled(level) && !request.url.startsWith(UNLOGGED_PREFIX)) {
      logger[level](
        {
          reqId: request.id,
          req: {
            method: request.method,
            url: request.url,
            remoteAddress: request.ip,
            userAgent: request.headers['user-agent'],
          },
          res: { statusCode: reply.statusCode },
          responseTime: reply.elapsedTime,
        },
        'request completed',
      );
    }
    done();
  });
}
