/** The kinds of question a course's bank holds. */
export enum QuestionType {
  /** Trắc nghiệm một lựa chọn: exactly one correct option. */
  SingleChoice = 'single-choice',
  /** Trắc nghiệm nhiều lựa chọn: one or more correct options. */
  MultipleChoice = 'multiple-choice',
  /** Đúng/Sai: the two options `Đúng` and `Sai`, one of them correct. */
  TrueFalse = 'true-false',
  /** Trả lời ngắn: graded against the accepted answers. */
  ShortAnswer = 'short-answer',
  /** Tự luận (bài thu hoạch, liên hệ thực tiễn): graded by a person with a rubric. */
  Essay = 'essay',
}

export const QUESTION_TYPES: readonly QuestionType[] = Object.values(QuestionType);

export enum QuestionDifficulty {
  Easy = 'easy',
  Medium = 'medium',
  Hard = 'hard',
}

export const QUESTION_DIFFICULTIES: readonly QuestionDifficulty[] = Object.values(QuestionDifficulty);

/** The types whose options are chosen from. */
export const CHOICE_TYPES: readonly QuestionType[] = [
  QuestionType.SingleChoice,
  QuestionType.MultipleChoice,
  QuestionType.TrueFalse,
];

/** A true/false question's options, always these two in this order. */
export const TRUE_FALSE_OPTIONS = ['Đúng', 'Sai'] as const;

export const DEFAULT_QUESTION_POINTS = 1;

/** Sizes a question must stay within; the server checks them on every write and import. */
export const QUESTION_LIMITS = {
  topicLength: 100,
  titleLength: 200,
  stemLength: 5000,
  optionLength: 1000,
  minOptions: 2,
  maxOptions: 10,
  acceptedAnswerLength: 200,
  maxAcceptedAnswers: 20,
  explanationLength: 5000,
  /** Points are positive, at most this, in steps of 0.01. */
  maxPoints: 100,
} as const;

export interface QuestionOption {
  text: string;
  isCorrect: boolean;
}

/** What a question says and how it is graded: the part that is versioned. */
export interface QuestionContent {
  type: QuestionType;
  /** The topic tag quizzes draw by (N questions per topic). */
  topic: string;
  difficulty: QuestionDifficulty;
  /** A short name for the bank list (GIFT `::title::`). */
  title: string | null;
  /** Plain text, NFC. */
  stem: string;
  /** Choice types only; empty for short answer and essay. */
  options: QuestionOption[];
  /** Short answer only. */
  acceptedAnswers: string[];
  /**
   * Short answer only. Off: diacritics are significant ("bác" ≠ "bạc").
   * On: an answer typed entirely without diacritics ("bac") is also accepted.
   */
  acceptWithoutDiacritics: boolean;
  points: number;
  explanation: string | null;
}

export interface QuestionResponse extends QuestionContent {
  id: string;
  courseId: string;
  /** 1 when created; each change of content adds a version (see the versions route). */
  version: number;
  isArchived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One stored version of a question's content, as a quiz attempt will refer to it. */
export interface QuestionVersionResponse {
  version: number;
  content: QuestionContent;
  createdAt: string;
  createdById: string | null;
  createdByName: string | null;
}

export interface CreateQuestionRequest {
  type: QuestionType;
  topic: string;
  difficulty: QuestionDifficulty;
  title?: string | null;
  stem: string;
  options?: QuestionOption[];
  acceptedAnswers?: string[];
  acceptWithoutDiacritics?: boolean;
  /** Defaults to 1. */
  points?: number;
  explanation?: string | null;
}

/** Any field may change; the result must pass the same rules as a new question. */
export type UpdateQuestionRequest = Partial<CreateQuestionRequest>;

export enum QuestionStatusFilter {
  Active = 'active',
  Archived = 'archived',
  All = 'all',
}

export interface QuestionListQuery {
  type?: QuestionType;
  topic?: string;
  difficulty?: QuestionDifficulty;
  /** Matches stem, title or topic, with or without Vietnamese diacritics. */
  q?: string;
  /** Defaults to active (not archived). */
  status?: QuestionStatusFilter;
  page?: number;
  pageSize?: number;
}

/** Active questions of one topic, counted by difficulty and by type: what a quiz's draw rules need. */
export interface TopicSummary {
  topic: string;
  total: number;
  byDifficulty: Record<QuestionDifficulty, number>;
  byType: Record<QuestionType, number>;
}

/** Ledger entry types recorded on a course's question-bank chain (`question-bank:<courseId>`). */
export enum QuestionBankLedgerType {
  QuestionCreated = 'question.created',
  QuestionUpdated = 'question.updated',
  QuestionArchived = 'question.archived',
  QuestionRestored = 'question.restored',
  QuestionsImported = 'questions.imported',
}

export const questionBankChain = (courseId: string) => `question-bank:${courseId}`;
