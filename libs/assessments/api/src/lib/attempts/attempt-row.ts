import { AttemptStatus, AttemptSummary, QuestionType, SubmissionKind } from '@thuchoc/assessments/contracts';

/** One question of an attempt, frozen at its start: the version shown and the order of its options. */
export interface AttemptItem {
  questionId: string;
  version: number;
  type: QuestionType;
  /** Indexes into the version's options, in the order the learner sees them. */
  optionOrder: number[];
}

/**
 * The columns of an attempt's summary, from `quiz_attempts a`. Under review:
 * an open similarity flag names it, on either side of the pair (both indexed).
 */
export const ATTEMPT_SUMMARY_COLUMNS = `a.id, a.quiz_id, a.number, a.status, a.started_at, a.deadline,
  a.submitted_at, a.submission, a.score::float AS score, a.is_passed,
  EXISTS (SELECT 1 FROM essay_similarity_flags f
           WHERE f.status = 'open' AND (f.attempt_a = a.id OR f.attempt_b = a.id)) AS is_under_review`;

export interface AttemptSummaryRow {
  id: string;
  quiz_id: string;
  number: number;
  status: AttemptStatus;
  started_at: Date;
  deadline: Date;
  submitted_at: Date | null;
  submission: SubmissionKind | null;
  score: number | null;
  is_passed: boolean | null;
  is_under_review: boolean;
}

export function toAttemptSummary(row: AttemptSummaryRow): AttemptSummary {
  return {
    id: row.id,
    quizId: row.quiz_id,
    number: row.number,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    deadline: row.deadline.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    submission: row.submission,
    score: row.score,
    isPassed: row.is_passed,
    isUnderReview: row.is_under_review,
  };
}

/** A stored answer as read back. */
export interface AnswerRow {
  question_id: string;
  seq: string;
  choices: number[];
  text: string | null;
  saved_at: Date;
  points_awarded: number | null;
}

export const ANSWER_COLUMNS = `question_id, seq, choices, text, saved_at, points_awarded::float AS points_awarded`;
