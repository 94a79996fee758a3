import { QuestionDifficulty } from './questions';

/** When a learner sees the keys (correct options, accepted answers, explanations) of a submitted attempt. */
export enum AnswersShown {
  Never = 'never',
  /** As soon as the attempt is graded. */
  AfterSubmit = 'after-submit',
  /** Once the quiz has closed for everyone. */
  AfterClose = 'after-close',
}

/** Draw `count` questions at random from the bank's active questions of this topic (and difficulty, if given). */
export interface DrawRule {
  topic: string;
  /** Null: any difficulty. */
  difficulty: QuestionDifficulty | null;
  count: number;
}

/** Sizes a quiz must stay within; the server checks them on every write. */
export const QUIZ_LIMITS = {
  titleLength: 200,
  descriptionLength: 5000,
  maxDrawRules: 20,
  /** Questions one attempt may hold, over all rules. */
  maxQuestions: 200,
  maxTimeLimitMinutes: 600,
  maxAttempts: 10,
  /** The Vietnamese 10-point scale. */
  maxScore: 10,
} as const;

/** A quiz's rules: what a learner is given and how it is judged. */
export interface QuizSettings {
  title: string;
  description: string;
  /** Applied in order; one question is never drawn twice. Empty in what learners are sent. */
  drawRules: DrawRule[];
  /** Show each choice question's options in an order of its own per learner (true/false keeps Đúng, Sai). */
  isShufflingOptions: boolean;
  opensAt: string;
  closesAt: string;
  /** An attempt's deadline is min(start + limit, close). */
  timeLimitMinutes: number;
  /** Attempts a learner may start. */
  maxAttempts: number;
  /** On the 10-point scale, two decimals. */
  passMark: number;
  answersShown: AnswersShown;
  /** The final assessment: only for learners who meet the class's attendance rule so far. */
  isFinal: boolean;
  /** Learners see (and start) only published quizzes. */
  isPublished: boolean;
}

export interface QuizResponse extends QuizSettings {
  id: string;
  classId: string;
  /** The course whose question bank the quiz draws from. */
  courseId: string;
  /** Questions each attempt holds (the sum of the draw rules' counts). */
  questionCount: number;
  /** Once true, only title, description and publication may change. */
  hasAttempts: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreateQuizRequest {
  title: string;
  description?: string;
  drawRules: DrawRule[];
  /** Defaults to true. */
  isShufflingOptions?: boolean;
  opensAt: string;
  closesAt: string;
  timeLimitMinutes: number;
  /** Defaults to 1. */
  maxAttempts?: number;
  /** Defaults to 5. */
  passMark?: number;
  /** Defaults to after-close. */
  answersShown?: AnswersShown;
  /** Defaults to false. */
  isFinal?: boolean;
  /** Defaults to false. */
  isPublished?: boolean;
}

/** Any field may change until the first attempt; after it, only title, description and isPublished. */
export type UpdateQuizRequest = Partial<CreateQuizRequest>;

/** The fields that may still change once a learner has started an attempt. */
export const QUIZ_FIELDS_EDITABLE_WITH_ATTEMPTS: readonly (keyof CreateQuizRequest)[] = [
  'title',
  'description',
  'isPublished',
];
