import { AttemptStatus, AttemptSummary, QuizResultRow } from '@thuchoc/assessments/contracts';

/** The class's results in a few numbers, above the list. */
export interface ResultsSummary {
  attempts: number;
  /** Learners with at least one attempt. */
  learners: number;
  /** Submitted by the learner or at the deadline, graded or not. */
  submitted: number;
  /** Graded with a final result: an attempt under similarity review is not counted until its flag is resolved. */
  graded: number;
  /** Submitted attempts whose essays wait for a lecturer. */
  awaitingGrading: number;
  /** Attempts named by an open similarity flag, graded or not. */
  underReview: number;
  /** Mean of the final graded scores, two decimals; null before any is graded. */
  averageScore: number | null;
  /** Share of the final graded attempts that passed, 0–1; null before any is graded. */
  passRate: number | null;
}

/** What an attempt's result says: passed, failed, held while a similarity flag is open, or nothing yet. */
export type ResultVerdict = 'passed' | 'failed' | 'under-review';

export function verdictOf(attempt: Pick<AttemptSummary, 'isPassed' | 'isUnderReview'>): ResultVerdict | null {
  if (attempt.isUnderReview) return 'under-review';
  if (attempt.isPassed === null) return null;
  return attempt.isPassed ? 'passed' : 'failed';
}

const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

export function summarizeResults(rows: readonly QuizResultRow[]): ResultsSummary {
  const graded = rows.filter(
    (row) => row.status === AttemptStatus.Graded && row.score !== null && !row.isUnderReview,
  );
  const scores = graded.map((row) => row.score ?? 0);
  return {
    attempts: rows.length,
    learners: new Set(rows.map((row) => row.userId)).size,
    submitted: rows.filter((row) => row.status !== AttemptStatus.Active).length,
    graded: graded.length,
    awaitingGrading: rows.filter((row) => row.status === AttemptStatus.AwaitingGrading).length,
    underReview: rows.filter((row) => row.isUnderReview).length,
    averageScore:
      scores.length === 0 ? null : round2(scores.reduce((sum, score) => sum + score, 0) / scores.length),
    passRate:
      graded.length === 0 ? null : graded.filter((row) => row.isPassed === true).length / graded.length,
  };
}

/** Whether some attempt was just submitted and its grade will come soon (objective grading runs in the background). */
export const isGradingPending = (rows: readonly QuizResultRow[]): boolean =>
  rows.some((row) => row.status === AttemptStatus.Submitted);

const SCORE = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 });

/** A score on the 10-point scale as Vietnamese write it: `7,50`. */
export const formatScore = (score: number): string => SCORE.format(score);

/** A share 0–1 as a whole percentage: `67%`. */
export const formatPercent = (share: number): string => PERCENT.format(share);

const POINTS = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** Points as Vietnamese write them, only the decimals they have: `12`, `7,5`. */
export const formatPoints = (points: number): string => POINTS.format(points);
