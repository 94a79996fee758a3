'use strict';

/**
 * The raw baseline for bulk enrollment: no framework, no queue, no per-row
 * work in JavaScript. Plain `pg` streams the CSV file into a temporary staging
 * table with `COPY … FROM STDIN`, then two set-based statements create the
 * missing learner accounts and enroll them, in one transaction:
 *
 *   INSERT INTO users … SELECT … FROM staging JOIN org_units (by code, inside the target subtree)
 *     ON CONFLICT DO NOTHING
 *   INSERT INTO enrollments … SELECT … FROM staging JOIN users ON CONFLICT DO NOTHING
 *
 * It writes the same user columns as the product (lower-cased login and
 * e-mail, folded search text, activation nonce, no password) and active
 * enrollments with source 'import'. It does not validate rows one by one,
 * report errors, keep a waitlist order, write ledger entries, outbox events,
 * notifications or progress: it is the floor, not a substitute.
 *
 * Input:  DATABASE_URL in env. Over IPC: {type: 'run', file, classId, targetPath}.
 * Output: {type: 'ready'} once connected; per run {type: 'done', ms, users, enrollments}
 *         or {type: 'failed', message}.
 */
const fs = require('node:fs');
const { Client, Query } = require('pg');

const CHUNK_BYTES = 64 * 1024;

// Vietnamese letters with diacritics → their base letter, as foldVietnamese() does (lower-cased after).
const FROM =
  'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ' +
  'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ';
const TO =
  'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd' +
  'AAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD';
if ([...FROM].length !== TO.length) throw new Error('fold tables differ in length');

/** `COPY … FROM STDIN` with plain pg: the query answers CopyInResponse, we send the bytes in chunks. */
class CopyFrom extends Query {
  constructor(text, bytes) {
    super(text);
    this.bytes = bytes;
  }

  handleCopyInResponse(connection) {
    for (let at = 0; at < this.bytes.length; at += CHUNK_BYTES) {
      connection.sendCopyFromChunk(this.bytes.subarray(at, at + CHUNK_BYTES));
    }
    connection.endCopyFrom();
  }
}

function copyFrom(client, text, bytes) {
  return new Promise((resolve, reject) => {
    const query = new CopyFrom(text, bytes);
    query.callback = (error, result) => (error ? reject(error) : resolve(result));
    client.query(query);
  });
}

async function runImport(client, { file, classId, targetPath }) {
  const started = process.hrtime.bigint();
  const bytes = fs.readFileSync(file);
  await client.query('BEGIN');
  try {
    await client.query(
      `CREATE TEMP TABLE import_staging (username text, email text, full_name text, unit_code text,
                                         position text, phone text) ON COMMIT DROP`,
    );
    await copyFrom(
      client,
      `COPY import_staging FROM STDIN WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')`,
      bytes,
    );
    const users = await client.query(
      `INSERT INTO users (username, email, password_hash, full_name, search_text, phone, org_unit_id, scope_unit_id,
                          position, roles, activation_nonce)
       SELECT lower(btrim(s.username)), nullif(lower(btrim(s.email)), ''), NULL, btrim(s.full_name),
              lower(translate(concat_ws(' ', btrim(s.full_name), lower(btrim(s.username)), lower(btrim(s.email))),
                              $2, $3)),
              nullif(btrim(s.phone), ''), o.id, o.id, nullif(btrim(s.position), ''), ARRAY['learner'],
              replace(gen_random_uuid()::text, '-', '')
         FROM import_staging s
         JOIN org_units o ON upper(o.code) = upper(btrim(s.unit_code)) AND o.status = 'active'
                         AND o.path LIKE $1 || '%'
       ON CONFLICT DO NOTHING`,
      [targetPath, FROM, TO],
    );
    const enrollments = await client.query(
      `INSERT INTO enrollments (class_id, user_id, status, source, decided_at)
       SELECT $1, u.id, 'active', 'import', now()
         FROM import_staging s JOIN users u ON lower(u.username) = lower(btrim(s.username))
       ON CONFLICT (class_id, user_id) DO NOTHING`,
      [classId],
    );
    await client.query('COMMIT');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ms, users: users.rowCount, enrollments: enrollments.rowCount };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function main() {
  const client = new Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 10_000 });
  await client.connect();
  let busy = Promise.resolve();
  process.on('message', (message) => {
    if (!message || message.type !== 'run') return;
    busy = busy.then(() =>
      runImport(client, message)
        .then((result) => process.send({ type: 'done', ...result }))
        .catch((error) => process.send({ type: 'failed', message: String(error && error.message) })),
    );
  });
  const shutdown = () => busy.then(() => client.end()).finally(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.channel?.unref();
  process.send({ type: 'ready' });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
