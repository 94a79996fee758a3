'use strict';

/**
 * The raw baseline for a quiz's hot routes: a plain node:http server with a
 * `pg.Pool` on the product's database (same pool size as the product) and
 * tables of its own. It reads the bearer token's `sub` WITHOUT verifying it
 * and runs one statement per request:
 *
 *   POST /api/v1/me/quizzes/:quizId/attempts
 *        INSERT INTO bench_raw_attempts (quiz_id, user_id) … ON CONFLICT DO NOTHING RETURNING id
 *        (a repeat reads the existing row) → 201 {id} | 200 {id}
 *   PUT  /api/v1/me/attempts/:attemptId/answers/:questionId   body {seq, choices?, text?}
 *        INSERT INTO bench_raw_answers … ON CONFLICT DO UPDATE … WHERE seq < EXCLUDED.seq → 200
 *   POST /api/v1/me/attempts/:attemptId/submit
 *        UPDATE bench_raw_attempts SET submitted_at = now() WHERE id = $1 AND submitted_at IS NULL → 200
 *
 * No signature, enrollment, window, deadline or ownership check, no question
 * draw, no grading, no framework: the floor for "one indexed write" per route.
 *
 * Input:  DATABASE_URL, BENCH_POOL_MAX (default 20).
 * Output: creates its tables if missing, then listens on 127.0.0.1 on a
 *         kernel-chosen port and reports it over IPC as {type: 'listening', port}.
 */
const http = require('node:http');
const { answer, subject } = require('./raw-http');
const { Pool } = require('pg');

const UUID = '([0-9a-f-]{36})';
const START = new RegExp(`^/api/v1/me/quizzes/${UUID}/attempts$`);
const SAVE = new RegExp(`^/api/v1/me/attempts/${UUID}/answers/${UUID}$`);
const SUBMIT = new RegExp(`^/api/v1/me/attempts/${UUID}/submit$`);
const MAX_BODY_BYTES = 64 * 1024;

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.BENCH_POOL_MAX || 20),
  connectionTimeoutMillis: 10_000,
});

const fail = (res) => (error) => answer(res, 500, { title: 'Internal Server Error', detail: error.message });

function start(res, quizId, userId) {
  pool
    .query(
      `INSERT INTO bench_raw_attempts (quiz_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id`,
      [quizId, userId],
    )
    .then(async (inserted) => {
      if (inserted.rowCount === 1) return answer(res, 201, { id: inserted.rows[0].id });
      const existing = await pool.query(
        'SELECT id FROM bench_raw_attempts WHERE quiz_id = $1 AND user_id = $2',
        [quizId, userId],
      );
      answer(res, 200, { id: existing.rows[0].id });
    })
    .catch(fail(res));
}

function save(res, attemptId, questionId, body) {
  if (!Number.isInteger(body.seq)) return answer(res, 400, { title: 'Bad Request' });
  pool
    .query(
      `INSERT INTO bench_raw_answers (attempt_id, question_id, seq, choices, text) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (attempt_id, question_id) DO UPDATE
         SET seq = EXCLUDED.seq, choices = EXCLUDED.choices, text = EXCLUDED.text, saved_at = now()
         WHERE bench_raw_answers.seq < EXCLUDED.seq`,
      [attemptId, questionId, body.seq, JSON.stringify(body.choices ?? []), body.text ?? null],
    )
    .then(() => answer(res, 200, { questionId, seq: body.seq }), fail(res));
}

function submit(res, attemptId) {
  pool
    .query('UPDATE bench_raw_attempts SET submitted_at = now() WHERE id = $1 AND submitted_at IS NULL', [
      attemptId,
    ])
    .then(() => answer(res, 200, { id: attemptId, status: 'submitted' }), fail(res));
}

const server = http.createServer((req, res) => {
  const url = req.url ?? '';
  const route =
    req.method === 'POST' && START.exec(url)
      ? ['start', START.exec(url)]
      : req.method === 'PUT' && SAVE.exec(url)
        ? ['save', SAVE.exec(url)]
        : req.method === 'POST' && SUBMIT.exec(url)
          ? ['submit', SUBMIT.exec(url)]
          : null;
  if (!route) {
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
    const userId = subject(req.headers.authorization);
    if (!userId) return answer(res, 401, { title: 'Unauthorized' });
    if (size > MAX_BODY_BYTES) return answer(res, 413, { title: 'Payload Too Large' });
    const [name, match] = route;
    if (name === 'start') return start(res, match[1], userId);
    if (name === 'submit') return submit(res, match[1]);
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(res, 400, { title: 'Bad Request' });
    }
    save(res, match[1], match[2], body ?? {});
  });
});

async function main() {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_raw_attempts (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       quiz_id uuid NOT NULL,
       user_id uuid NOT NULL,
       started_at timestamptz NOT NULL DEFAULT now(),
       submitted_at timestamptz,
       UNIQUE (quiz_id, user_id)
     )`,
  );
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_raw_answers (
       attempt_id uuid NOT NULL,
       question_id uuid NOT NULL,
       seq integer NOT NULL,
       choices jsonb NOT NULL,
       text text,
       saved_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (attempt_id, question_id)
     )`,
  );
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    console.log(`raw-quiz-server listening on http://127.0.0.1:${port}`);
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
