import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Essay grading (assessments): a quiz's rubric, an attempt's essay grade, and
 * near-duplicate essays — each essay's fingerprint, its LSH band keys (a plain
 * table with a btree index, so both engines find candidates without
 * extensions) and one similarity flag per unordered pair of essays.
 */
export class EssayGrading1764160000000 implements MigrationInterface {
  name = 'EssayGrading1764160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quiz_rubrics (
        quiz_id uuid PRIMARY KEY REFERENCES quizzes(id),
        criteria jsonb NOT NULL,
        max_points numeric(7, 2) NOT NULL CHECK (max_points > 0),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE essay_grades (
        attempt_id uuid PRIMARY KEY REFERENCES quiz_attempts(id),
        quiz_id uuid NOT NULL REFERENCES quizzes(id),
        -- [{label, levelLabel, points, maxPoints, comment}], in the rubric's order, copied so the grade reads alone.
        criteria jsonb NOT NULL,
        comment text NOT NULL DEFAULT '',
        rubric_points numeric(7, 2) NOT NULL,
        rubric_max_points numeric(7, 2) NOT NULL,
        essay_points numeric(7, 2) NOT NULL,
        essay_points_possible numeric(7, 2) NOT NULL,
        graded_by uuid NOT NULL REFERENCES users(id),
        graded_at timestamptz NOT NULL DEFAULT now()
      )`);
    // "Has grading started?" for a rubric edit.
    await q.query(`CREATE INDEX essay_grades_quiz_idx ON essay_grades (quiz_id)`);

    await q.query(`
      CREATE TABLE essay_fingerprints (
        attempt_id uuid NOT NULL REFERENCES quiz_attempts(id),
        question_id uuid NOT NULL,
        class_id uuid NOT NULL REFERENCES classes(id),
        course_id uuid NOT NULL REFERENCES courses(id),
        user_id uuid NOT NULL REFERENCES users(id),
        version integer NOT NULL,
        word_count integer NOT NULL,
        shingle_count integer NOT NULL,
        signature integer[] NOT NULL,
        band_keys text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (attempt_id, question_id)
      )`);
    await q.query(`
      CREATE TABLE essay_bands (
        course_id uuid NOT NULL REFERENCES courses(id),
        band_key text NOT NULL,
        attempt_id uuid NOT NULL,
        question_id uuid NOT NULL,
        PRIMARY KEY (course_id, band_key, attempt_id, question_id),
        FOREIGN KEY (attempt_id, question_id) REFERENCES essay_fingerprints(attempt_id, question_id)
      )`);

    await q.query(`
      CREATE TABLE essay_similarity_flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        class_id uuid NOT NULL REFERENCES classes(id),
        attempt_a uuid NOT NULL,
        question_a uuid NOT NULL,
        attempt_b uuid NOT NULL,
        question_b uuid NOT NULL,
        score numeric(5, 4) NOT NULL,
        passages jsonb NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        outcome text CHECK (outcome IN ('confirmed-copy', 'false-positive')),
        resolution_reason text,
        resolved_by uuid REFERENCES users(id),
        resolved_at timestamptz,
        raised_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (attempt_a, question_a) REFERENCES essay_fingerprints(attempt_id, question_id),
        FOREIGN KEY (attempt_b, question_b) REFERENCES essay_fingerprints(attempt_id, question_id),
        -- One flag per unordered pair: stored with A the smaller side, so (x, y) and (y, x) collide.
        CONSTRAINT essay_similarity_flags_order_check CHECK ((attempt_a, question_a) < (attempt_b, question_b)),
        CONSTRAINT essay_similarity_flags_pair_key UNIQUE (attempt_a, question_a, attempt_b, question_b),
        CONSTRAINT essay_similarity_flags_resolved_check CHECK ((status = 'resolved') = (outcome IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX essay_similarity_flags_class_idx ON essay_similarity_flags (class_id, status, raised_at)`,
    );
    // The grading queue's "open flags of this attempt", from either side.
    await q.query(`CREATE INDEX essay_similarity_flags_b_idx ON essay_similarity_flags (attempt_b)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE essay_similarity_flags');
    await q.query('DROP TABLE essay_bands');
    await q.query('DROP TABLE essay_fingerprints');
    await q.query('DROP TABLE essay_grades');
    await q.query('DROP TABLE quiz_rubrics');
  }
}
