import type { EssayGrade } from './essays';
import { QuestionType } from './questions';

/** Queue of the assessments jobs: attempt deadlines and grading. */
export const ASSESSMENTS_QUEUE = 'assessments';

export enum AssessmentsJobType {
  /**
   * The attempts of a quiz whose deadline falls in one second have reached it (plus grace): submit those still
   * active. Delayed; job id `attempts-due:<quizId>:<epoch second>`, so the 3,000 starts of one quiz whose deadline
   * is its close queue one job, not 3,000.
   */
  AttemptsDue = 'assessments.attempts-due',
  /** One attempt's deadline (plus grace) has passed: jobs queued before deadlines were grouped per quiz. */
  AttemptDue = 'assessments.attempt-due',
  /** An attempt was submitted (outbox event): grade it. */
  AttemptSubmitted = 'assessments.attempt-submitted',
}

export interface AttemptJobData {
  attemptId: string;
}

/** The attempts of `quizId` with a deadline at or before `dueAt` (ISO, a whole second) are due. */
export interface AttemptsDueJobData {
  quizId: string;
  dueAt: string;
}

/** active → submitted → graded | awaiting-grading (an essay waits for its lecturer). */
export enum AttemptStatus {
  Active = 'active',
  Submitted = 'submitted',
  AwaitingGrading = 'awaiting-grading',
  Graded = 'graded',
}

/** Who submitted: the learner, or the server at the deadline. */
export enum SubmissionKind {
  Learner = 'learner',
  Auto = 'auto',
}

/** A question as the learner sees it in an attempt: no keys. */
export interface AttemptQuestion {
  questionId: string;
  type: QuestionType;
  title: string | null;
  stem: string;
  /** In this attempt's order; answers name options by their index here. */
  options: string[];
  points: number;
}

/** A saved answer: option indexes (in the attempt's order) for choice questions, text for the others. */
export interface AttemptAnswer {
  questionId: string;
  /** The client's sequence number of the write that stored it. */
  seq: number;
  choices: number[];
  text: string | null;
  savedAt: string;
}

/** Autosaves one answer; a seq not above the stored one is ignored (answered with what is stored). */
export interface SaveAnswerRequest {
  seq: number;
  choices?: number[];
  text?: string;
}

export interface AttemptSummary {
  id: string;
  quizId: string;
  number: number;
  status: AttemptStatus;
  startedAt: string;
  /** The server's deadline: min(start + time limit, quiz close). */
  deadline: string;
  submittedAt: string | null;
  submission: SubmissionKind | null;
  /** On the 10-point scale; null until graded. */
  score: number | null;
  isPassed: boolean | null;
  /**
   * An open similarity flag names one of its essays: the lecturer is checking
   * whether it was copied, so its result (even one graded before the flag) is
   * not final until the flag is resolved.
   */
  isUnderReview: boolean;
}

/** The attempt a learner works on. The client's timer only displays `deadline` against `now`. */
export interface AttemptView extends AttemptSummary {
  /** The server's clock when it answered. */
  now: string;
  questions: AttemptQuestion[];
  answers: AttemptAnswer[];
}

/** One question of a submitted attempt with its key, when the quiz shows answers. */
export interface AttemptReviewItem extends AttemptQuestion {
  choices: number[];
  text: string | null;
  /** Indexes in the attempt's order. */
  correctChoices: number[];
  acceptedAnswers: string[];
  explanation: string | null;
  /** Null for an essay until a lecturer grades it. */
  pointsAwarded: number | null;
}

/** A learner's own attempt with its result; `review` only when the quiz's rule shows answers. */
export interface MyAttemptResult extends AttemptSummary {
  pointsEarned: number | null;
  pointsPossible: number | null;
  review: AttemptReviewItem[] | null;
  /** The lecturer's rubric grade and comments, once graded: always shown, whatever the quiz's rule for keys. */
  essayGrade: EssayGrade | null;
}

/** One attempt in a class's results list. */
export interface QuizResultRow extends AttemptSummary {
  userId: string;
  fullName: string;
  username: string;
}

/** Ledger entry types of attempts, on the class's chain (`class:<id>`). */
export enum AttemptLedgerType {
  Submitted = 'quiz-attempt.submitted',
  AutoSubmitted = 'quiz-attempt.auto-submitted',
  Graded = 'quiz-attempt.graded',
  DeviceChanged = 'quiz-attempt.device-changed',
}

/** What an attempt's own history records. */
export enum AttemptEventType {
  Started = 'started',
  DeviceChanged = 'device-changed',
  Submitted = 'submitted',
  AutoSubmitted = 'auto-submitted',
  Graded = 'graded',
}
