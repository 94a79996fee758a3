import type { AttemptStatus } from './attempts';

/** One level of a rubric criterion: what the lecturer picks, and the points it gives. */
export interface RubricLevel {
  label: string;
  points: number;
}

/** One criterion of a rubric ("Nắm vững lý luận"), with 2–10 levels. */
export interface RubricCriterion {
  label: string;
  description?: string;
  levels: RubricLevel[];
}

/** A quiz's rubric for its essay questions, as sent by staff and lecturers. */
export interface RubricRequest {
  criteria: RubricCriterion[];
}

export interface RubricResponse {
  quizId: string;
  criteria: RubricCriterion[];
  /** Sum of each criterion's highest level: scaled to the essay questions' points of each attempt. */
  maxPoints: number;
  /** Some attempt was graded with it: it can no longer change. */
  isLocked: boolean;
  updatedAt: string;
}

export const RUBRIC_LIMITS = {
  maxCriteria: 20,
  minLevels: 2,
  maxLevels: 10,
  labelLength: 200,
  descriptionLength: 2000,
  maxLevelPoints: 100,
  commentLength: 4000,
  reasonLength: 1000,
} as const;

/** The level picked for one criterion, in the rubric's order, with the lecturer's comment. */
export interface CriterionGradeRequest {
  levelIndex: number;
  comment?: string;
}

/** Grades an attempt's essays; `reason` is required when the attempt was graded before. */
export interface EssayGradeRequest {
  criteria: CriterionGradeRequest[];
  comment?: string;
  reason?: string;
}

export interface CriterionGrade {
  label: string;
  levelLabel: string;
  points: number;
  maxPoints: number;
  comment: string;
}

/** An attempt's essay grade, as its learner and lecturers see it. */
export interface EssayGrade {
  criteria: CriterionGrade[];
  comment: string;
  /** Rubric points earned over the rubric's maximum. */
  rubricPoints: number;
  rubricMaxPoints: number;
  /** The rubric points scaled to the attempt's essay questions' points, two decimals. */
  essayPoints: number;
  essayPointsPossible: number;
  gradedBy: string;
  /** The grader's full name, for learners and the class's staff. */
  gradedByName: string;
  gradedAt: string;
}

/** An essay answer of an attempt in the grading queue. */
export interface QueuedEssay {
  questionId: string;
  stem: string;
  points: number;
  text: string | null;
}

export enum GradingQueueStatus {
  AwaitingGrading = 'awaiting-grading',
  Graded = 'graded',
  All = 'all',
}

/** One attempt with essays in a class's grading queue. */
export interface GradingQueueItem {
  attemptId: string;
  quizId: string;
  quizTitle: string;
  userId: string;
  fullName: string;
  username: string;
  status: AttemptStatus;
  submittedAt: string;
  /** Objective points earned and all points possible (essays included). */
  objectivePoints: number;
  pointsPossible: number;
  score: number | null;
  isPassed: boolean | null;
  essays: QueuedEssay[];
  grade: EssayGrade | null;
  /** Open similarity flags naming this attempt. */
  openSimilarityFlagIds: string[];
}

/** The attempt after grading. */
export interface GradedAttempt {
  attemptId: string;
  status: AttemptStatus;
  pointsEarned: number;
  pointsPossible: number;
  score: number;
  isPassed: boolean;
  grade: EssayGrade;
}

/** Ledger entry types of essay grading and similarity flags, on the class's chain (`class:<id>`). */
export enum EssayLedgerType {
  GradeGiven = 'quiz-attempt.grade-given',
  GradeChanged = 'quiz-attempt.grade-changed',
  RubricSet = 'quiz-rubric.set',
  RubricRemoved = 'quiz-rubric.removed',
  SimilarityFlagRaised = 'essay-similarity.flag-raised',
  SimilarityFlagResolved = 'essay-similarity.flag-resolved',
}

export enum SimilarityFlagStatus {
  Open = 'open',
  Resolved = 'resolved',
}

export enum SimilarityOutcome {
  ConfirmedCopy = 'confirmed-copy',
  FalsePositive = 'false-positive',
}

export interface TextRange {
  start: number;
  end: number;
}

/** A run of words found in both essays: `a` spans essay A's text, `b` essay B's (UTF-16 offsets, end exclusive). */
export interface SimilarPassage {
  a: TextRange;
  b: TextRange;
  wordCount: number;
}

/** One side of a flagged pair. */
export interface FlaggedEssay {
  attemptId: string;
  questionId: string;
  classId: string;
  userId: string;
  fullName: string;
}

export interface SimilarityFlagSummary {
  id: string;
  /** The class whose submission raised the flag. */
  classId: string;
  status: SimilarityFlagStatus;
  /** Share of the shorter essay's 5-word sequences found in the other, 0–1. */
  score: number;
  a: FlaggedEssay;
  b: FlaggedEssay;
  raisedAt: string;
  outcome: SimilarityOutcome | null;
  resolutionReason: string | null;
  resolvedAt: string | null;
}

/** A flag opened: both essays and the passages they share. */
export interface SimilarityFlagDetail extends SimilarityFlagSummary {
  textA: string;
  textB: string;
  passages: SimilarPassage[];
}

export interface ResolveSimilarityFlagRequest {
  outcome: SimilarityOutcome;
  reason: string;
}
