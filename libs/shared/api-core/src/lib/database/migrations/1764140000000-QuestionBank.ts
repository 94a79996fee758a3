import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The question bank of a course (assessments). Questions are never deleted:
 * archiving hides one from the bank while quizzes keep referring to it. Every
 * change of a question's content adds a row to `question_versions`, which
 * the database refuses to change, so an attempt can always be shown and
 * graded by the version it was given.
 */
export class QuestionBank1764140000000 implements MigrationInterface {
  name = 'QuestionBank1764140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE questions (
        id uuid PRIMARY KEY,
        course_id uuid NOT NULL REFERENCES courses(id),
        type text NOT NULL,
        topic text NOT NULL,
        difficulty text NOT NULL,
        title text,
        stem text NOT NULL,
        options jsonb NOT NULL DEFAULT '[]',
        accepted_answers jsonb NOT NULL DEFAULT '[]',
        accept_without_diacritics boolean NOT NULL DEFAULT false,
        points numeric(5, 2) NOT NULL,
        explanation text,
        version integer NOT NULL DEFAULT 1,
        -- Insertion order: the questions of one import share created_at, and keep the file's order by this.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        search_text text NOT NULL,
        archived_at timestamptz,
        created_by uuid REFERENCES users(id),
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT questions_type_check
          CHECK (type IN ('single-choice', 'multiple-choice', 'true-false', 'short-answer', 'essay')),
        CONSTRAINT questions_difficulty_check CHECK (difficulty IN ('easy', 'medium', 'hard')),
        CONSTRAINT questions_points_check CHECK (points > 0 AND points <= 100),
        CONSTRAINT questions_version_check CHECK (version >= 1),
        CONSTRAINT questions_options_check CHECK (jsonb_typeof(options) = 'array'),
        CONSTRAINT questions_accepted_answers_check CHECK (jsonb_typeof(accepted_answers) = 'array')
      )`);
    // The bank list, the topic summary and (later) quiz draws read a course's active questions by topic.
    await q.query(`
      CREATE INDEX questions_course_topic_idx ON questions (course_id, topic, difficulty)
        WHERE archived_at IS NULL`);
    await q.query(`CREATE INDEX questions_course_idx ON questions (course_id, topic, seq)`);

    await q.query(`
      CREATE TABLE question_versions (
        question_id uuid NOT NULL REFERENCES questions(id),
        version integer NOT NULL CHECK (version >= 1),
        content jsonb NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (question_id, version)
      )`);
    await q.query(`
      CREATE FUNCTION question_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'question versions never change: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`CREATE TRIGGER question_versions_no_change BEFORE UPDATE OR DELETE ON question_versions
                     FOR EACH ROW EXECUTE FUNCTION question_versions_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE question_versions');
    await q.query('DROP FUNCTION question_versions_refuse_change()');
    await q.query('DROP TABLE questions');
  }
}
