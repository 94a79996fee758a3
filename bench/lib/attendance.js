'use strict';

const crypto = require('node:crypto');
const { JwtService } = require('@nestjs/jwt');
const { generateSecret, generateSync } = require('otplib');

/** The demo province (see the demo seeders): the class targets it, learners sit in the units under it. */
const PROVINCE_CODE = 'DNI';
const LEARNER_UNIT_CODES = ['DNI-DX', 'DNI-BP', 'DNI-LN', 'DNI-BD', 'DNI-DUCQ'];
const DEMO_COURSE_CODE = 'DVM-01';
const DEMO_STAFF = 'canbo.trungtam';
const DEMO_LECTURER = 'giangvien2';
const CODE_PERIOD_S = 30;
const TOKEN_TTL = '1h';
/** Every route the attendance benchmarks call lives under this prefix. */
const ME_SESSIONS = '/api/v1/me/attendance/sessions';

/**
 * The world the attendance benchmarks need, made by set-based SQL straight in
 * the product's database (after its migrations and demo seed): `count` learner
 * accounts (no password: their tokens are minted here), spread over the demo
 * province's five learner units, one running class of the demo course that
 * targets the province with all of them actively enrolled. Returns the class
 * and the learners, each with its own device fingerprint.
 */
async function prepareClass(db, { count, tag }) {
  const started = performance.now();
  const {
    rows: [ids],
  } = await db.query(
    `SELECT (SELECT id FROM org_units WHERE code = $1) AS province_id,
            (SELECT id FROM courses WHERE lower(code) = lower($2)) AS course_id,
            (SELECT id FROM users WHERE username = $3) AS staff_id,
            (SELECT org_unit_id FROM users WHERE username = $3) AS staff_unit_id,
            (SELECT id FROM users WHERE username = $4) AS lecturer_id,
            (SELECT count(*)::int FROM org_units WHERE code = ANY($5) AND status = 'active') AS units`,
    [PROVINCE_CODE, DEMO_COURSE_CODE, DEMO_STAFF, DEMO_LECTURER, LEARNER_UNIT_CODES],
  );
  if (!ids.province_id || !ids.course_id || !ids.staff_id || !ids.lecturer_id)
    throw new Error(
      `the demo data (unit ${PROVINCE_CODE}, course ${DEMO_COURSE_CODE}, users ${DEMO_STAFF} and ` +
        `${DEMO_LECTURER}) is not in the database: was the product started with SEED_DEMO?`,
    );
  if (ids.units !== LEARNER_UNIT_CODES.length)
    throw new Error(`the demo units ${LEARNER_UNIT_CODES.join(', ')} are not all in the database`);

  await db.query('BEGIN');
  try {
    const { rows: learners } = await db.query(
      `INSERT INTO users (username, full_name, search_text, org_unit_id, scope_unit_id, position, is_party_member,
                          roles)
       SELECT format('%s.hv%s', $1::text, lpad(g::text, 6, '0')), format('Học viên đo tải %s', g),
              format('hoc vien do tai %s %s.hv%s', g, $1::text, lpad(g::text, 6, '0')), u.id, u.id,
              'Đảng viên mới', true, ARRAY['learner']
         FROM generate_series(1, $2::int) AS g
         JOIN (SELECT id, (row_number() OVER (ORDER BY code) - 1)::int AS k
                 FROM org_units WHERE code = ANY($3)) AS u ON u.k = g % $4::int
       RETURNING id, org_unit_id`,
      [tag, count, LEARNER_UNIT_CODES, LEARNER_UNIT_CODES.length],
    );
    const code = `${tag}`.toUpperCase();
    const title = `Lớp đo hiệu năng điểm danh ${tag}`;
    const {
      rows: [klass],
    } = await db.query(
      `INSERT INTO classes (course_id, code, title, search_text, owner_unit_id, target_unit_id, status, capacity,
                            min_size, planned_size, opened_size, policy_snapshot, created_by, opened_at)
       SELECT c.id, $2, $3, lower($2 || ' ' || $3), $4, $5, 'running', $6, 0, $6, $6,
              jsonb_build_object('gradingScheme', c.grading_scheme, 'completionPolicy', c.completion_policy,
                                 'takenAt', now()),
              $7, now()
         FROM courses c WHERE c.id = $1
       RETURNING id`,
      [ids.course_id, code, title, ids.staff_unit_id, ids.province_id, count, ids.staff_id],
    );
    await db.query('INSERT INTO class_lecturers (class_id, user_id) VALUES ($1, $2)', [
      klass.id,
      ids.lecturer_id,
    ]);
    await db.query(
      `INSERT INTO enrollments (class_id, user_id, status, source, decided_at)
       SELECT $1, id, 'active', 'staff', now() FROM unnest($2::uuid[]) AS id`,
      [klass.id, learners.map((learner) => learner.id)],
    );
    await db.query('COMMIT');
    console.log(
      `[bench] ${tag}: ${learners.length} learners enrolled in class ${code} (${PROVINCE_CODE}) in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return {
      classId: klass.id,
      classCode: code,
      lecturerId: ids.lecturer_id,
      learners: learners.map((learner) => ({
        id: learner.id,
        unitId: learner.org_unit_id,
        // A device fingerprint of its own per learner (22 base64url characters, like the app's).
        deviceId: crypto.randomBytes(16).toString('base64url'),
      })),
    };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** A new live online session of the class, opened now for two hours, with its own check-in code secret. */
async function openLiveSession(db, world, title) {
  const secret = generateSecret();
  const {
    rows: [session],
  } = await db.query(
    `INSERT INTO class_sessions (class_id, title, starts_at, ends_at, mode, lecturer_id, status, opened_at, opened_by,
                                 code_secret)
     VALUES ($1, $2, now(), now() + interval '2 hours', 'online-live', $3, 'live', now(), $3, $4)
     RETURNING id`,
    [world.classId, title, world.lecturerId, secret],
  );
  return { id: session.id, secret, currentCode: checkInCode(secret) };
}

/**
 * The code the lecturer shows for `secret` right now, computed as the product does
 * (`generateSync({secret, period: 30})`: 6 digits, SHA-1, 30-s steps). Cached per
 * step, so calling it for every request costs nothing.
 */
function checkInCode(secret) {
  let step = null;
  let code = null;
  return () => {
    const now = Math.floor(Date.now() / 1000 / CODE_PERIOD_S);
    if (now !== step) {
      code = generateSync({ secret, period: CODE_PERIOD_S });
      step = now;
    }
    return code;
  };
}

/**
 * Access tokens as the product signs them (HS256 with its JWT_ACCESS_SECRET), one per learner, valid one
 * hour: sub, roles, scope (the learner's own unit) and the learner's device fingerprint.
 */
function mintTokens(accessSecret, learners) {
  const jwt = new JwtService({ secret: accessSecret });
  return learners.map((learner) =>
    jwt.sign(
      { sub: learner.id, roles: ['learner'], scp: learner.unitId, dev: learner.deviceId },
      { algorithm: 'HS256', expiresIn: TOKEN_TTL },
    ),
  );
}

/**
 * An autocannon request list whose one entry rotates through the learners: request i goes out with
 * learner ⌊i / perLearner⌋'s token (so a learner's `perLearner` requests leave back to back, on different
 * connections), wrapping around after the last. `body()`, when given, is called per request; failed
 * answers are counted into `failures` (a `failureTally()`), when given.
 */
function rotatingRequests({ path, tokens, perLearner = 1, body, failures }) {
  let next = 0;
  return [
    {
      method: 'POST',
      path,
      ...(failures && { onResponse: (status, text) => failures.record(status, text) }),
      setupRequest: (req) => {
        const token = tokens[Math.floor(next++ / perLearner) % tokens.length];
        const headers = { ...req.headers, authorization: `Bearer ${token}` };
        if (!body) return { ...req, headers: { ...headers, 'content-length': '0' } };
        return { ...req, headers: { ...headers, 'content-type': 'application/json' }, body: body() };
      },
    },
  ];
}

const MAX_FAILURE_KINDS = 20;

/**
 * Failed answers counted by status and problem code (the `code` of the product's RFC 9457 body, e.g.
 * `409 attendance.device-used`), so a report says why requests failed, not only how many.
 */
function failureTally() {
  const counts = {};
  return {
    counts,
    record(status, text) {
      if (status >= 200 && status < 300) return;
      let code = '';
      try {
        code = JSON.parse(text).code ?? '';
      } catch {
        // not JSON: the status alone
      }
      const key = code ? `${status} ${code}` : String(status);
      if (key in counts || Object.keys(counts).length < MAX_FAILURE_KINDS)
        counts[key] = (counts[key] ?? 0) + 1;
    },
  };
}

/** One request with a fetch, for a probe before the load: status and body text. */
async function postOnce(url, token, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: await response.text() };
}

/** Rows of a session: the product's attendance records, or the check-in baseline's own table. */
async function countRows(db, table, sessionId) {
  if (table !== 'attendance_records' && table !== 'bench_raw_check_ins')
    throw new Error(`no row count for table ${table}`);
  const {
    rows: [row],
  } = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE session_id = $1`, [sessionId]);
  return row.n;
}

module.exports = {
  prepareClass,
  openLiveSession,
  checkInCode,
  mintTokens,
  rotatingRequests,
  failureTally,
  postOnce,
  countRows,
  ME_SESSIONS,
};
