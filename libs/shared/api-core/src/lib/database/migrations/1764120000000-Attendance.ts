import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session lifecycle, attendance records with their evidence, attention checks,
 * excuses, integrity flags, lesson time-on-task, per-class attendance policy
 * and the device key a sign-in registers.
 */
export class Attendance1764120000000 implements MigrationInterface {
  name = 'Attendance1764120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE class_sessions
        ADD COLUMN status text NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'live', 'closed', 'finalised')),
        ADD COLUMN opened_at timestamptz,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN finalised_at timestamptz,
        ADD COLUMN opened_by uuid REFERENCES users(id),
        ADD COLUMN closed_by uuid REFERENCES users(id),
        ADD COLUMN code_secret text,
        ADD COLUMN auto_checks_at timestamptz[] NOT NULL DEFAULT '{}'`);
    await q.query(
      `CREATE INDEX class_sessions_open_idx ON class_sessions (status, ends_at) WHERE status IN ('live', 'closed')`,
    );
    await q.query(`ALTER TABLE classes ADD COLUMN attendance_policy jsonb`);

    await q.query(`
      CREATE TABLE attendance_records (
        session_id uuid NOT NULL REFERENCES class_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        status text CHECK (status IN ('present', 'late', 'partial', 'absent', 'excused')),
        checked_in_at timestamptz,
        check_in_method text CHECK (check_in_method IN ('code', 'qr', 'manual')),
        device_id text,
        ip text,
        is_late boolean NOT NULL DEFAULT false,
        presence_seconds integer NOT NULL DEFAULT 0,
        live_seconds integer NOT NULL DEFAULT 0,
        checks_answered integer NOT NULL DEFAULT 0,
        checks_missed integer NOT NULL DEFAULT 0,
        marked_by uuid REFERENCES users(id),
        marked_at timestamptz,
        reason text,
        finalised_at timestamptz,
        PRIMARY KEY (session_id, user_id)
      )`);
    // One device checks in one account per session: enforced by the database, not by a read.
    await q.query(
      `CREATE UNIQUE INDEX attendance_records_device_key ON attendance_records (session_id, device_id)
        WHERE device_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX attendance_records_class_user_idx ON attendance_records (class_id, user_id)`);

    await q.query(`
      CREATE TABLE attention_checks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES class_sessions(id) ON DELETE CASCADE,
        code text NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        fired_by uuid REFERENCES users(id),
        is_automatic boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX attention_checks_session_idx ON attention_checks (session_id, fired_at)`);
    await q.query(`
      CREATE TABLE attention_responses (
        check_id uuid NOT NULL REFERENCES attention_checks(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        answered_at timestamptz,
        wrong_attempts integer NOT NULL DEFAULT 0,
        PRIMARY KEY (check_id, user_id)
      )`);
    await q.query(`CREATE INDEX attention_responses_user_idx ON attention_responses (user_id)`);

    await q.query(`
      CREATE TABLE attendance_excuses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES class_sessions(id) ON DELETE CASCADE,
        class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        attachment bytea,
        attachment_name text,
        attachment_type text,
        attachment_size integer,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        decision_reason text,
        decided_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX attendance_excuses_live_key ON attendance_excuses (session_id, user_id)
        WHERE status IN ('pending', 'approved')`,
    );
    await q.query(
      `CREATE INDEX attendance_excuses_class_idx ON attendance_excuses (class_id, status, submitted_at)`,
    );

    await q.query(`
      CREATE TABLE integrity_flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        scope_unit_id uuid NOT NULL REFERENCES org_units(id),
        class_id uuid REFERENCES classes(id) ON DELETE CASCADE,
        session_id uuid REFERENCES class_sessions(id) ON DELETE CASCADE,
        user_ids uuid[] NOT NULL DEFAULT '{}',
        details jsonb NOT NULL DEFAULT '{}',
        dedupe_key text,
        raised_by uuid REFERENCES users(id),
        raised_at timestamptz NOT NULL DEFAULT now(),
        resolved_by uuid REFERENCES users(id),
        resolution_reason text,
        resolved_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX integrity_flags_dedupe_key ON integrity_flags (dedupe_key)`);
    await q.query(`CREATE INDEX integrity_flags_class_idx ON integrity_flags (class_id, status, raised_at)`);
    await q.query(`CREATE INDEX integrity_flags_user_idx ON integrity_flags USING gin (user_ids)`);

    await q.query(`
      CREATE TABLE lesson_presence (
        lesson_id uuid NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        seconds integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (lesson_id, user_id)
      )`);

    await q.query(`
      CREATE TABLE absence_warnings (
        class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        level text NOT NULL CHECK (level IN ('near', 'crossed')),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (class_id, user_id, level)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'absence_warnings',
      'lesson_presence',
      'integrity_flags',
      'attendance_excuses',
      'attention_responses',
      'attention_checks',
      'attendance_records',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE classes DROP COLUMN attendance_policy`);
    await q.query(`DROP INDEX class_sessions_open_idx`);
    await q.query(`ALTER TABLE class_sessions
      DROP COLUMN status, DROP COLUMN opened_at, DROP COLUMN closed_at, DROP COLUMN finalised_at,
      DROP COLUMN opened_by, DROP COLUMN closed_by, DROP COLUMN code_secret, DROP COLUMN auto_checks_at`);
  }
}
