import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import {
  AnswersShown,
  AttemptQuestion,
  AttemptStatus,
  AttemptView,
  MyAttemptResult,
  QuestionType,
  QuizResponse,
  SubmissionKind,
} from '@thuchoc/assessments/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons, uiTranslations } from '@thuchoc/shared/web-ui';
import { quizPlayerTranslations } from '../player.translations';

export const QUIZ_ID = 'quiz-1';
export const ATTEMPT_ID = 'attempt-1';

export function makeAttemptQuestion(overrides: Partial<AttemptQuestion> = {}): AttemptQuestion {
  return {
    questionId: 'q1',
    type: QuestionType.SingleChoice,
    title: null,
    stem: 'Đảng Cộng sản Việt Nam ra đời năm nào?',
    options: ['1930', '1945', '1954'],
    points: 1,
    ...overrides,
  };
}

export function makeAttemptView(overrides: Partial<AttemptView> = {}): AttemptView {
  return {
    id: ATTEMPT_ID,
    quizId: QUIZ_ID,
    number: 1,
    status: AttemptStatus.Active,
    startedAt: '2026-03-02T02:00:00.000Z',
    deadline: '2026-03-02T02:15:00.000Z',
    submittedAt: null,
    submission: null,
    score: null,
    isPassed: null,
    isUnderReview: false,
    now: '2026-03-02T02:00:00.000Z',
    questions: [
      makeAttemptQuestion(),
      makeAttemptQuestion({
        questionId: 'q2',
        type: QuestionType.ShortAnswer,
        stem: 'Ai đọc bản Tuyên ngôn độc lập?',
        options: [],
      }),
    ],
    answers: [],
    ...overrides,
  };
}

export function makeResult(overrides: Partial<MyAttemptResult> = {}): MyAttemptResult {
  return {
    id: ATTEMPT_ID,
    quizId: QUIZ_ID,
    number: 1,
    status: AttemptStatus.Graded,
    startedAt: '2026-03-02T02:00:00.000Z',
    deadline: '2026-03-02T02:15:00.000Z',
    submittedAt: '2026-03-02T02:10:00.000Z',
    submission: SubmissionKind.Learner,
    score: 7.5,
    isPassed: true,
    isUnderReview: false,
    pointsEarned: 3,
    pointsPossible: 4,
    review: null,
    essayGrade: null,
    ...overrides,
  };
}

export function makeQuiz(overrides: Partial<QuizResponse> = {}): QuizResponse {
  return {
    id: QUIZ_ID,
    classId: 'class-1',
    courseId: 'course-1',
    title: 'Kiểm tra 15 phút',
    description: '',
    drawRules: [{ topic: 'Lịch sử Đảng', difficulty: null, count: 2 }],
    isShufflingOptions: true,
    opensAt: '2026-03-02T01:00:00.000Z',
    closesAt: '2026-03-02T03:00:00.000Z',
    timeLimitMinutes: 15,
    maxAttempts: 1,
    passMark: 5,
    answersShown: AnswersShown.AfterSubmit,
    isFinal: false,
    isPublished: true,
    questionCount: 2,
    hasAttempts: true,
    createdAt: '2026-03-01T01:00:00.000Z',
    updatedAt: '2026-03-01T01:00:00.000Z',
    ...overrides,
  };
}

/** HTTP answered by `HttpTestingController`, the player's strings and icons, no animations. */
export function providePlayerTesting(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(),
    provideHttpClientTesting(),
    provideI18n(uiTranslations, quizPlayerTranslations),
    provideAppIcons(),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}
