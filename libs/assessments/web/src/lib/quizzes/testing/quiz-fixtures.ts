import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import {
  AnswersShown,
  AttemptStatus,
  QuizResponse,
  QuizResultRow,
  RubricResponse,
  SubmissionKind,
  TopicSummary,
} from '@thuchoc/assessments/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons, uiTranslations } from '@thuchoc/shared/web-ui';
import type { QuizClassInfo } from '../data-access/quizzes-api';
import { auditorQuizRoutes, centreQuizRoutes, lecturerQuizRoutes } from '../quizzes.routes';
import { quizzesTranslations } from '../quizzes.translations';

export const CLASS_ID = 'class-1';
export const COURSE_ID = 'course-1';
export const QUIZ_ID = 'quiz-1';

export function makeQuiz(overrides: Partial<QuizResponse> = {}): QuizResponse {
  return {
    id: QUIZ_ID,
    classId: CLASS_ID,
    courseId: COURSE_ID,
    title: 'Kiểm tra giữa khoá',
    description: 'Làm bài trong 30 phút.',
    drawRules: [{ topic: 'Lịch sử Đảng', difficulty: null, count: 2 }],
    questionCount: 2,
    isShufflingOptions: true,
    // 08:00 and a week later, Vietnam time.
    opensAt: '2026-03-02T01:00:00.000Z',
    closesAt: '2026-03-09T01:00:00.000Z',
    timeLimitMinutes: 30,
    maxAttempts: 1,
    passMark: 5,
    answersShown: AnswersShown.AfterClose,
    isFinal: false,
    isPublished: false,
    hasAttempts: false,
    createdAt: '2026-03-01T02:00:00.000Z',
    updatedAt: '2026-03-01T02:00:00.000Z',
    ...overrides,
  };
}

export function makeTopic(overrides: Partial<TopicSummary> = {}): TopicSummary {
  return {
    topic: 'Lịch sử Đảng',
    total: 3,
    byDifficulty: { easy: 2, medium: 1, hard: 0 },
    byType: { 'single-choice': 2, 'multiple-choice': 0, 'true-false': 1, 'short-answer': 0, essay: 0 },
    ...overrides,
  } as TopicSummary;
}

export const CLASS_INFO: QuizClassInfo = {
  id: CLASS_ID,
  code: 'DVM-2026-01',
  title: 'Lớp bồi dưỡng đảng viên mới – đợt 1/2026',
  courseId: COURSE_ID,
  courseTitle: 'Bồi dưỡng lý luận chính trị cho đảng viên mới',
};

export function makeResultRow(overrides: Partial<QuizResultRow> = {}): QuizResultRow {
  return {
    id: 'attempt-1',
    quizId: QUIZ_ID,
    number: 1,
    status: AttemptStatus.Graded,
    startedAt: '2026-03-02T02:00:00.000Z',
    deadline: '2026-03-02T02:30:00.000Z',
    submittedAt: '2026-03-02T02:20:00.000Z',
    submission: SubmissionKind.Learner,
    score: 7.5,
    isPassed: true,
    isUnderReview: false,
    userId: 'user-1',
    fullName: 'Võ Đức Bình',
    username: 'hocvien17',
    ...overrides,
  };
}

export function makeRubric(overrides: Partial<RubricResponse> = {}): RubricResponse {
  return {
    quizId: QUIZ_ID,
    criteria: [
      {
        label: 'Nắm vững lý luận',
        description: 'Nêu đúng các luận điểm cơ bản.',
        levels: [
          { label: 'Chưa đạt', points: 0 },
          { label: 'Đạt', points: 3 },
          { label: 'Tốt', points: 5 },
        ],
      },
      {
        label: 'Liên hệ thực tiễn',
        levels: [
          { label: 'Chưa đạt', points: 0 },
          { label: 'Đạt', points: 5 },
        ],
      },
    ],
    maxPoints: 10,
    isLocked: false,
    updatedAt: '2026-03-01T02:00:00.000Z',
    ...overrides,
  };
}

/** A problem+json body as the API sends it. */
export function problem(
  status: number,
  code: string,
  errors?: { field: string; messages: string[] }[],
): object {
  return { type: 'about:blank', title: 'Error', status, code, detail: `server detail for ${code}`, errors };
}

/**
 * HTTP answered by `HttpTestingController`, the quiz pages' strings and
 * icons, a router binding route params and data to inputs, no animations.
 */
export function provideQuizzesTesting(routes: Routes = []): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(),
    provideHttpClientTesting(),
    provideRouter(routes, withComponentInputBinding()),
    provideI18n(uiTranslations, quizzesTranslations),
    provideAppIcons(),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}

/** The three areas with their quiz pages, as the app mounts them. */
export const QUIZ_AREAS: Routes = [
  { path: 'centre', children: centreQuizRoutes },
  { path: 'lecturer', children: lecturerQuizRoutes },
  { path: 'auditor', children: auditorQuizRoutes },
];
