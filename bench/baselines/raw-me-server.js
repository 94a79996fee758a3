'use strict';

/**
 * The raw baseline for GET /api/v1/me: a plain node:http server that answers
 * every request with the exact JSON body the product returned for that user.
 * No framework, no auth, no database — the ceiling a Node.js process on this
 * machine reaches for the same response.
 *
 * Input:  BENCH_BODY (the body), BENCH_CONTENT_TYPE (default application/json).
 * Output: listens on 127.0.0.1 on a kernel-chosen port and reports it over IPC
 *         as {type: 'listening', port} (and on stdout).
 */
const http = require('node:http');

const body = Buffer.from(process.env.BENCH_BODY ?? '', 'utf8');
const headers = {
  'content-type': process.env.BENCH_CONTENT_TYPE || 'application/json; charset=utf-8',
  'content-length': String(body.length),
};

const server = http.createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`raw-me-server listening on http://127.0.0.1:${port}`);
  if (process.send) process.send({ type: 'listening', port });
});

const shutdown = () => {
  server.close(() => process.exit(0));
  // Keep-alive sockets from the load generator would hold close() open: drop them.
  server.closeAllConnections();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.channel?.unref();
