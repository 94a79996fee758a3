import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Courses: the course with its grading scheme and completion policy (jsonb,
 * snapshotted by classes when they open), its modules and lessons ordered by
 * position, and PDF attachments whose bytes live in the database (bytea), so
 * PostgreSQL and embedded PGlite store them alike.
 */
export class Courses1764100000000 implements MigrationInterface {
  name = 'Courses1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        audience text NOT NULL,
        required_hours integer NOT NULL,
        owner_unit_id uuid NOT NULL REFERENCES org_units(id),
        grading_scheme jsonb NOT NULL,
        completion_policy jsonb NOT NULL,
        search_text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT courses_audience_check
          CHECK (audience IN ('new-party-members', 'cadre-source', 'intermediate-theory', 'thematic')),
        CONSTRAINT courses_required_hours_check CHECK (required_hours BETWEEN 1 AND 2000)
      )`);
    await q.query(`CREATE UNIQUE INDEX courses_code_key ON courses (lower(code))`);
    // Scope follows the owner unit: the list joins org_units on it.
    await q.query(`CREATE INDEX courses_owner_unit_idx ON courses (owner_unit_id)`);

    // Positions are unique per parent, checked at the end of each statement
    // (DEFERRABLE) so one UPDATE can shift a whole range when an item moves.
    await q.query(`
      CREATE TABLE course_modules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        title text NOT NULL,
        position integer NOT NULL CHECK (position >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_modules_position_key UNIQUE (course_id, position) DEFERRABLE INITIALLY IMMEDIATE
      )`);

    // course_id is kept on lessons and attachments so a course's content and
    // "does this belong to that course" are single indexed lookups.
    await q.query(`
      CREATE TABLE lessons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        module_id uuid NOT NULL REFERENCES course_modules(id) ON DELETE CASCADE,
        title text NOT NULL,
        position integer NOT NULL CHECK (position >= 1),
        body text NOT NULL DEFAULT '',
        video_url text,
        duration_minutes integer CHECK (duration_minutes BETWEEN 1 AND 600),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lessons_position_key UNIQUE (module_id, position) DEFERRABLE INITIALLY IMMEDIATE
      )`);
    await q.query(`CREATE INDEX lessons_course_idx ON lessons (course_id)`);

    await q.query(`
      CREATE TABLE lesson_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
        file_name text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX lesson_attachments_course_idx ON lesson_attachments (course_id)`);
    await q.query(`CREATE INDEX lesson_attachments_lesson_idx ON lesson_attachments (lesson_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['lesson_attachments', 'lessons', 'course_modules', 'courses']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
