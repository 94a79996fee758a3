import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Classes, their lecturers and sessions, opening approvals, enrollments,
 * enrollment imports and calendar feed tokens.
 */
export class Classes1764110000000 implements MigrationInterface {
  name = 'Classes1764110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE classes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id),
        code text NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        search_text text NOT NULL DEFAULT '',
        owner_unit_id uuid NOT NULL REFERENCES org_units(id),
        target_unit_id uuid NOT NULL REFERENCES org_units(id),
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'open', 'running', 'closed', 'archived')),
        capacity integer NOT NULL CHECK (capacity > 0),
        min_size integer NOT NULL CHECK (min_size >= 0),
        planned_size integer NOT NULL CHECK (planned_size > 0),
        opened_size integer,
        enrollment_opens_at timestamptz,
        enrollment_closes_at timestamptz,
        is_self_enrollment_allowed boolean NOT NULL DEFAULT false,
        policy_snapshot jsonb,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        opened_at timestamptz,
        closed_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX classes_code_key ON classes (lower(code))`);
    await q.query(`CREATE INDEX classes_owner_unit_idx ON classes (owner_unit_id)`);
    await q.query(`CREATE INDEX classes_target_unit_idx ON classes (target_unit_id)`);
    await q.query(`CREATE INDEX classes_course_idx ON classes (course_id)`);

    await q.query(`
      CREATE TABLE class_lecturers (
        class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        PRIMARY KEY (class_id, user_id)
      )`);
    await q.query(`CREATE INDEX class_lecturers_user_idx ON class_lecturers (user_id)`);

    await q.query(`
      CREATE TABLE class_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        mode text NOT NULL CHECK (mode IN ('online-live', 'in-person', 'self-paced')),
        room text,
        meeting_url text,
        lecturer_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT class_sessions_time_check CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX class_sessions_class_idx ON class_sessions (class_id, starts_at)`);
    await q.query(`CREATE INDEX class_sessions_lecturer_idx ON class_sessions (lecturer_id, starts_at)`);

    await q.query(`
      CREATE TABLE opening_approvals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        exceptions text[] NOT NULL,
        active_count integer NOT NULL,
        outside_target_count integer NOT NULL,
        min_size integer NOT NULL,
        requested_by uuid NOT NULL REFERENCES users(id),
        request_reason text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        decision_reason text,
        decided_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX opening_approvals_pending_key ON opening_approvals (class_id) WHERE status = 'pending'`,
    );
    await q.query(`CREATE INDEX opening_approvals_status_idx ON opening_approvals (status, requested_at)`);

    await q.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        status text NOT NULL
          CHECK (status IN ('pending', 'active', 'waitlisted', 'rejected', 'withdrawn', 'completed', 'failed')),
        is_outside_target boolean NOT NULL DEFAULT false,
        source text NOT NULL CHECK (source IN ('staff', 'self', 'import')),
        import_id uuid,
        requested_at timestamptz NOT NULL DEFAULT now(),
        waitlisted_at timestamptz,
        decided_at timestamptz,
        reason text,
        CONSTRAINT enrollments_class_user_key UNIQUE (class_id, user_id)
      )`);
    await q.query(
      `CREATE INDEX enrollments_class_status_idx ON enrollments (class_id, status, waitlisted_at)`,
    );
    await q.query(`CREATE INDEX enrollments_user_idx ON enrollments (user_id)`);

    await q.query(`
      CREATE TABLE enrollment_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        requested_by uuid NOT NULL REFERENCES users(id),
        file_name text NOT NULL,
        file_sha256 text NOT NULL,
        content bytea NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        total_rows integer NOT NULL DEFAULT 0,
        processed_rows integer NOT NULL DEFAULT 0,
        created_users integer NOT NULL DEFAULT 0,
        enrolled integer NOT NULL DEFAULT 0,
        waitlisted integer NOT NULL DEFAULT 0,
        already_enrolled integer NOT NULL DEFAULT 0,
        error_count integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        failure text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX enrollment_imports_class_idx ON enrollment_imports (class_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX enrollments_import_idx ON enrollments (import_id) WHERE import_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE calendar_feeds (
        token text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('class', 'user')),
        subject_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calendar_feeds_subject_key UNIQUE (kind, subject_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'calendar_feeds',
      'enrollment_imports',
      'enrollments',
      'opening_approvals',
      'class_sessions',
      'class_lecturers',
      'classes',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
