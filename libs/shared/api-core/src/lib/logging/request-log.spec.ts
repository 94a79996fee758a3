import Fastify from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { logRequests } from './request-log';

/** A Fastify app whose request lines land in `lines`, parsed. */
async function appLoggingAt(level: pino.Level) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      callback();
    },
  });
  const fastify = Fastify({ genReqId: () => 'req-1' });
  logRequests(fastify, pino({ level }, sink));
  fastify.get('/api/v1/things', async () => ({ ok: true }));
  fastify.get('/api/v1/broken', async () => {
    throw new Error('boom');
  });
  fastify.get('/api/health', async () => ({ status: 'ok' }));
  await fastify.ready();
  return { fastify, lines };
}

describe('logRequests', () => {
  it('writes one line per request with its id, method, path, status and time', async () => {
    const { fastify, lines } = await appLoggingAt('info');
    await fastify.inject({ method: 'GET', url: '/api/v1/things?page=2', headers: { 'user-agent': 'probe' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      reqId: 'req-1',
      req: { method: 'GET', url: '/api/v1/things?page=2', userAgent: 'probe' },
      res: { statusCode: 200 },
    });
    expect(typeof lines[0]['responseTime']).toBe('number');
  });

  it('logs server errors at error level, even when info lines are off', async () => {
    const { fastify, lines } = await appLoggingAt('warn');
    await fastify.inject({ method: 'GET', url: '/api/v1/things' });
    await fastify.inject({ method: 'GET', url: '/api/v1/broken' });
    expect(lines).toEqual([expect.objectContaining({ level: 50, res: { statusCode: 500 } })]);
  });

  it('leaves health probes out', async () => {
    const { fastify, lines } = await appLoggingAt('info');
    await fastify.inject({ method: 'GET', url: '/api/health' });
    expect(lines).toEqual([]);
  });
});
