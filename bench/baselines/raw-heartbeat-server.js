'use strict';

/**
 * The raw baseline for a learner's heartbeat: a plain node:http server with
 * one ioredis connection. For `POST /api/v1/me/attendance/sessions/:sessionId/heartbeats`
 * it reads the bearer token's `sub` WITHOUT verifying it (base64 of the
 * payload) and runs one
 *
 *   HINCRBY <prefix>:raw:presence:<sessionId> <sub> 20
 *
 * answering 200 {"presenceSeconds": <new total>, "pendingCheck": null,
 * "sessionStatus": "live"}. No signature, enrollment or session check, no
 * attention checks, no framework: the floor for "one Redis op". (`raw:` keeps
 * its hash apart from any key the product keeps under the same prefix, so
 * neither sees the other's beats.)
 *
 * Input:  REDIS_URL, BENCH_REDIS_PREFIX (the bench invocation's prefix, so its
 *         clean-up deletes these keys).
 * Output: listens on 127.0.0.1 on a kernel-chosen port once Redis answers, and
 *         reports it over IPC as {type: 'listening', port}.
 */
const http = require('node:http');
const { answer, subject } = require('./raw-http');
const Redis = require('ioredis');

const ROUTE = /^\/api\/v1\/me\/attendance\/sessions\/([0-9a-f-]{36})\/heartbeats$/;
const BEAT_SECONDS = 20;

const prefix = process.env.BENCH_REDIS_PREFIX;
if (!/^bench-[0-9a-f]+$/.test(prefix ?? '')) throw new Error(`BENCH_REDIS_PREFIX must be bench-<hex>`);
const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
  lazyConnect: true,
  maxRetriesPerRequest: 1,
  connectTimeout: 3_000,
});

const server = http.createServer((req, res) => {
  req.resume();
  const match = req.method === 'POST' ? ROUTE.exec(req.url) : null;
  if (!match) {
    answer(res, 404, { title: 'Not Found' });
    return;
  }
  const userId = subject(req.headers.authorization);
  if (!userId) {
    answer(res, 401, { title: 'Unauthorized' });
    return;
  }
  redis.hincrby(`${prefix}:raw:presence:${match[1]}`, userId, BEAT_SECONDS).then(
    (presenceSeconds) => answer(res, 200, { presenceSeconds, pendingCheck: null, sessionStatus: 'live' }),
    (error) => answer(res, 500, { title: 'Internal Server Error', detail: error.message }),
  );
});

async function main() {
  await redis.connect();
  await redis.ping();
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    console.log(`raw-heartbeat-server listening on http://127.0.0.1:${port}`);
    if (process.send) process.send({ type: 'listening', port });
  });
}

const shutdown = () => {
  server.close(() => redis.quit().finally(() => process.exit(0)));
  // Keep-alive sockets from the load generator would hold close() open: drop them.
  server.closeAllConnections();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.channel?.unref();

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
