import { AttemptStatus, MyAttemptResult, QuizResponse } from '@thuchoc/assessments/contracts';

/** What a learner can do with a quiz now. */
export type QuizAction = 'start' | 'resume' | 'not-open' | 'closed' | 'exhausted';

export interface QuizAvailability {
  action: QuizAction;
  attemptsUsed: number;
  attemptsAllowed: number;
  /** The best final score, on the 10-point scale (a result under similarity review is not final yet). */
  bestScore: number | null;
  /** The score of the latest attempt with a final score. */
  lastScore: number | null;
  /** The latest attempt has been submitted but is not graded yet (grading job, or an essay awaiting the lecturer). */
  isAwaitingResult: boolean;
}

/**
 * The learner's standing in a quiz: an active attempt can always be resumed
 * (the server answers it even past the close until its deadline job runs);
 * otherwise a new one needs the window open and an attempt left.
 */
export function quizAvailability(
  quiz: Pick<QuizResponse, 'opensAt' | 'closesAt' | 'maxAttempts'>,
  attempts: readonly MyAttemptResult[],
  nowMs: number,
): QuizAvailability {
  const graded = attempts.filter((attempt) => attempt.score !== null && !attempt.isUnderReview);
  const last = attempts[attempts.length - 1];
  return {
    action: actionOf(quiz, attempts, nowMs),
    attemptsUsed: attempts.length,
    attemptsAllowed: quiz.maxAttempts,
    bestScore: graded.length === 0 ? null : Math.max(...graded.map((attempt) => attempt.score ?? 0)),
    lastScore: graded.length === 0 ? null : graded[graded.length - 1].score,
    isAwaitingResult: last !== undefined && !isSettled(last) && !isRunning(last, nowMs),
  };
}

function actionOf(
  quiz: Pick<QuizResponse, 'opensAt' | 'closesAt' | 'maxAttempts'>,
  attempts: readonly MyAttemptResult[],
  nowMs: number,
): QuizAction {
  if (attempts.some((attempt) => isRunning(attempt, nowMs))) return 'resume';
  if (nowMs < Date.parse(quiz.opensAt)) return 'not-open';
  if (nowMs >= Date.parse(quiz.closesAt)) return 'closed';
  if (attempts.length >= quiz.maxAttempts) return 'exhausted';
  return 'start';
}

/** Whether an attempt's result is final for now: graded, or waiting only for the lecturer's essay grading. */
export const isSettled = (attempt: Pick<MyAttemptResult, 'status'>) =>
  attempt.status === AttemptStatus.Graded || attempt.status === AttemptStatus.AwaitingGrading;

/** An active attempt before its deadline: the learner can go on with it. */
const isRunning = (attempt: Pick<MyAttemptResult, 'status' | 'deadline'>, nowMs: number) =>
  attempt.status === AttemptStatus.Active && Date.parse(attempt.deadline) > nowMs;
