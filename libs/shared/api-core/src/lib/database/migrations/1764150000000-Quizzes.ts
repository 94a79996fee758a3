import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quizzes of a class and their server-timed attempts (assessments). An
 * attempt freezes the questions it drew (question id, version, option order);
 * a partial unique index keeps one active attempt per learner and quiz;
 * answers are one row per question, ordered by the client's sequence number.
 */
export class Quizzes1764150000000 implements MigrationInterface {
  name = 'Quizzes1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quizzes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        class_id uuid NOT NULL REFERENCES classes(id),
        course_id uuid NOT NULL REFERENCES courses(id),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        draw_rules jsonb NOT NULL,
        question_count integer NOT NULL CHECK (question_count > 0),
        is_shuffling_options boolean NOT NULL DEFAULT true,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        time_limit_minutes integer NOT NULL CHECK (time_limit_minutes > 0),
        max_attempts integer NOT NULL CHECK (max_attempts > 0),
        pass_mark numeric(4, 2) NOT NULL CHECK (pass_mark >= 0 AND pass_mark <= 10),
        answers_shown text NOT NULL CHECK (answers_shown IN ('never', 'after-submit', 'after-close')),
        is_final boolean NOT NULL DEFAULT false,
        is_published boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES users(id),
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT quizzes_window_check CHECK (closes_at > opens_at)
      )`);
    await q.query(`CREATE INDEX quizzes_class_idx ON quizzes (class_id, opens_at)`);

    await q.query(`
      CREATE TABLE quiz_attempts (
        id uuid PRIMARY KEY,
        quiz_id uuid NOT NULL REFERENCES quizzes(id),
        class_id uuid NOT NULL REFERENCES classes(id),
        user_id uuid NOT NULL REFERENCES users(id),
        number integer NOT NULL CHECK (number > 0),
        status text NOT NULL DEFAULT 'active'
          CHECK (status IN ('active', 'submitted', 'awaiting-grading', 'graded')),
        started_at timestamptz NOT NULL,
        deadline timestamptz NOT NULL,
        -- Frozen at start: [{questionId, version, type, optionOrder}], what the learner is shown and graded by.
        items jsonb NOT NULL,
        device_id text,
        submitted_at timestamptz,
        submission text CHECK (submission IN ('learner', 'auto')),
        points_earned numeric(7, 2),
        points_possible numeric(7, 2),
        score numeric(4, 2),
        is_passed boolean,
        graded_at timestamptz,
        CONSTRAINT quiz_attempts_number_key UNIQUE (quiz_id, user_id, number),
        CONSTRAINT quiz_attempts_deadline_check CHECK (deadline >= started_at),
        CONSTRAINT quiz_attempts_submitted_check CHECK ((status = 'active') = (submitted_at IS NULL))
      )`);
    // Exactly one active attempt per learner and quiz, enforced by the database: concurrent starts cannot both win.
    await q.query(
      `CREATE UNIQUE INDEX quiz_attempts_active_key ON quiz_attempts (quiz_id, user_id) WHERE status = 'active'`,
    );
    // The sweeper's look-up of active attempts past their deadline.
    await q.query(`CREATE INDEX quiz_attempts_due_idx ON quiz_attempts (deadline) WHERE status = 'active'`);
    await q.query(`CREATE INDEX quiz_attempts_user_idx ON quiz_attempts (user_id, quiz_id)`);

    await q.query(`
      CREATE TABLE attempt_answers (
        attempt_id uuid NOT NULL REFERENCES quiz_attempts(id),
        question_id uuid NOT NULL,
        seq bigint NOT NULL CHECK (seq >= 0),
        choices jsonb NOT NULL DEFAULT '[]',
        text text,
        saved_at timestamptz NOT NULL DEFAULT now(),
        points_awarded numeric(5, 2),
        PRIMARY KEY (attempt_id, question_id)
      )`);

    await q.query(`
      CREATE TABLE attempt_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        attempt_id uuid NOT NULL REFERENCES quiz_attempts(id),
        type text NOT NULL,
        device_id text,
        payload jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attempt_events_attempt_idx ON attempt_events (attempt_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE attempt_events');
    await q.query('DROP TABLE attempt_answers');
    await q.query('DROP TABLE quiz_attempts');
    await q.query('DROP TABLE quizzes');
  }
}
