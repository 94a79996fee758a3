import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import {
  AnswersShown,
  AttemptStatus,
  EssayGrade,
  GradedAttempt,
  GradingQueueItem,
  QuizResponse,
  RubricResponse,
  SimilarityFlagDetail,
  SimilarityFlagStatus,
} from '@thuchoc/assessments/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons, uiTranslations } from '@thuchoc/shared/web-ui';
import { gradingTranslations } from '../grading.translations';

export const CLASS_ID = 'class-1';
export const QUIZ_ID = 'quiz-1';
export const ATTEMPT_ID = 'attempt-1';
export const FLAG_ID = 'flag-1';

/** 3 + 4 + 2 = 9 rubric points at most. */
export function makeRubric(overrides: Partial<RubricResponse> = {}): RubricResponse {
  return {
    quizId: QUIZ_ID,
    criteria: [
      {
        label: 'Nắm vững lý luận',
        levels: [
          { label: 'Chưa đạt', points: 0 },
          { label: 'Đạt', points: 2 },
          { label: 'Tốt', points: 3 },
        ],
      },
      {
        label: 'Liên hệ thực tiễn',
        description: 'Ví dụ cụ thể ở cơ sở.',
        levels: [
          { label: 'Chưa đạt', points: 0 },
          { label: 'Đạt', points: 2 },
          { label: 'Tốt', points: 4 },
        ],
      },
      {
        label: 'Trình bày',
        levels: [
          { label: 'Chưa đạt', points: 0 },
          { label: 'Tốt', points: 2 },
        ],
      },
    ],
    maxPoints: 9,
    isLocked: false,
    updatedAt: '2026-03-01T02:00:00.000Z',
    ...overrides,
  };
}

/** Tốt, Đạt, Tốt: 7 of 9 rubric points, 3.11 of the essay's 4. */
export function makeGrade(overrides: Partial<EssayGrade> = {}): EssayGrade {
  return {
    criteria: [
      { label: 'Nắm vững lý luận', levelLabel: 'Tốt', points: 3, maxPoints: 3, comment: '' },
      { label: 'Liên hệ thực tiễn', levelLabel: 'Đạt', points: 2, maxPoints: 4, comment: 'Cần số liệu.' },
      { label: 'Trình bày', levelLabel: 'Tốt', points: 2, maxPoints: 2, comment: '' },
    ],
    comment: 'Bài viết chân thực.',
    rubricPoints: 7,
    rubricMaxPoints: 9,
    essayPoints: 3.11,
    essayPointsPossible: 4,
    gradedBy: 'lecturer-1',
    gradedByName: 'Hoàng Thị Lan',
    gradedAt: '2026-03-02T03:00:00.000Z',
    ...overrides,
  };
}

/** One essay of 4 points and 1 objective point earned of 1: 5 points possible. */
export function makeQueueItem(overrides: Partial<GradingQueueItem> = {}): GradingQueueItem {
  return {
    attemptId: ATTEMPT_ID,
    quizId: QUIZ_ID,
    quizTitle: 'Bài thu hoạch',
    userId: 'user-1',
    fullName: 'Đỗ Thị Giang',
    username: 'hocvien20',
    status: AttemptStatus.AwaitingGrading,
    submittedAt: '2026-03-01T03:00:00.000Z',
    objectivePoints: 1,
    pointsPossible: 5,
    score: null,
    isPassed: null,
    essays: [
      {
        questionId: 'question-1',
        stem: 'Liên hệ thực tiễn việc học tập và làm theo Bác.',
        points: 4,
        text: 'Đoạn một.\n\nĐoạn hai.',
      },
    ],
    grade: null,
    openSimilarityFlagIds: [],
    ...overrides,
  };
}

export function makeQuiz(overrides: Partial<QuizResponse> = {}): QuizResponse {
  return {
    id: QUIZ_ID,
    classId: CLASS_ID,
    courseId: 'course-1',
    title: 'Bài thu hoạch',
    description: '',
    drawRules: [{ topic: 'Liên hệ thực tiễn', difficulty: null, count: 1 }],
    isShufflingOptions: true,
    opensAt: '2026-03-01T00:00:00.000Z',
    closesAt: '2026-03-02T00:00:00.000Z',
    timeLimitMinutes: 30,
    maxAttempts: 1,
    passMark: 5,
    answersShown: AnswersShown.AfterClose,
    isFinal: false,
    isPublished: true,
    questionCount: 2,
    hasAttempts: true,
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
}

export function makeGraded(overrides: Partial<GradedAttempt> = {}): GradedAttempt {
  return {
    attemptId: ATTEMPT_ID,
    status: AttemptStatus.Graded,
    pointsEarned: 4.11,
    pointsPossible: 5,
    score: 8.22,
    isPassed: true,
    grade: makeGrade(),
    ...overrides,
  };
}

export function makeFlag(overrides: Partial<SimilarityFlagDetail> = {}): SimilarityFlagDetail {
  return {
    id: FLAG_ID,
    classId: CLASS_ID,
    status: SimilarityFlagStatus.Open,
    score: 0.62,
    a: {
      attemptId: 'attempt-a',
      questionId: 'q',
      classId: CLASS_ID,
      userId: 'u-a',
      fullName: 'Hoàng Minh Sơn',
    },
    b: {
      attemptId: 'attempt-b',
      questionId: 'q',
      classId: CLASS_ID,
      userId: 'u-b',
      fullName: 'Huỳnh Ngọc An',
    },
    raisedAt: '2026-03-01T04:00:00.000Z',
    outcome: null,
    resolutionReason: null,
    resolvedAt: null,
    textA: 'Chi bộ ấp Bàu Sen vận động bà con.\n\nXã Tân Phú làm đường.',
    textB: 'Mở đầu. Chi bộ ấp Bàu Sen vận động bà con.',
    passages: [{ a: { start: 0, end: 34 }, b: { start: 8, end: 42 }, wordCount: 8 }],
    ...overrides,
  };
}

/** A page of the queue as the API answers it. */
export function queuePage(items: GradingQueueItem[], page = 1, pageSize = 100, total = items.length) {
  return { items, total, page, pageSize };
}

/** An RFC 9457 body as the API sends it. */
export function problem(status: number, code: string, errors?: { field: string; messages: string[] }[]) {
  return { type: 'about:blank', title: 'Error', status, code, detail: `server detail for ${code}`, errors };
}

/** HTTP answered by `HttpTestingController`, the grading strings and icons, a router, no animations. */
export function provideGradingTesting(routes: Routes = []): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(),
    provideHttpClientTesting(),
    provideRouter(routes, withComponentInputBinding()),
    provideI18n(uiTranslations, gradingTranslations),
    provideAppIcons(),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}
