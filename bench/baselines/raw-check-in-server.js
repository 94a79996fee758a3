'use strict';

/**
 * The raw baseline for a learner's check-in: a plain node:http server with a
 * `pg.Pool` on the product's database (same pool size as the product) and a
 * table of its own. For `POST /api/v1/me/attendance/sessions/:sessionId/check-in`
 * it reads the bearer token's `sub` WITHOUT verifying it (base64 of the
 * payload), reads the JSON body, and runs one
 *
 *   INSERT INTO bench_raw_check_ins (session_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING
 *
 * answering 201 {"isNew":true} when it inserted, 200 {"isNew":false} when the
 * learner had checked in already. No signature, code, enrollment, session or
 * device check, no evidence, no framework: the floor for "one indexed write".
 *
 * Input:  DATABASE_URL, BENCH_POOL_MAX (default 20).
 * Output: creates bench_raw_check_ins if missing, then listens on 127.0.0.1 on a
 *         kernel-chosen port and reports it over IPC as {type: 'listening', port}.
 */
const http = require('node:http');
const { answer, subject } = require('./raw-http');
const { Pool } = require('pg');

const ROUTE = /^\/api\/v1\/me\/attendance\/sessions\/([0-9a-f-]{36})\/check-in$/;
const MAX_BODY_BYTES = 1024;

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.BENCH_POOL_MAX || 20),
  connectionTimeoutMillis: 10_000,
});

const server = http.createServer((req, res) => {
  const match = req.method === 'POST' ? ROUTE.exec(req.url) : null;
  if (!match) {
    req.resume();
    answer(res, 404, { title: 'Not Found' });
    return;
  }
  const chunks = [];
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('end', () => {
    let code;
    try {
      ({ code } = JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch {
      code = undefined;
    }
    if (size > MAX_BODY_BYTES || typeof code !== 'string') {
      answer(res, 400, { title: 'Bad Request' });
      return;
    }
    const userId = subject(req.headers.authorization);
    if (!userId) {
      answer(res, 401, { title: 'Unauthorized' });
      return;
    }
    pool
      .query('INSERT INTO bench_raw_check_ins (session_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        match[1],
        userId,
      ])
      .then(
        (result) => answer(res, result.rowCount === 1 ? 201 : 200, { isNew: result.rowCount === 1 }),
        (error) => answer(res, 500, { title: 'Internal Server Error', detail: error.message }),
      );
  });
});

async function main() {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_raw_check_ins (
       session_id uuid NOT NULL,
       user_id uuid NOT NULL,
       checked_in_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (session_id, user_id)
     )`,
  );
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    console.log(`raw-check-in-server listening on http://127.0.0.1:${port}`);
    if (process.send) process.send({ type: 'listening', port });
  });
}

const shutdown = () => {
  server.close(() => pool.end().finally(() => process.exit(0)));
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
