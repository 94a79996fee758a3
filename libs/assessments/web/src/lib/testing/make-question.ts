import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import {
  QuestionDifficulty,
  QuestionResponse,
  QuestionType,
  TopicSummary,
} from '@thuchoc/assessments/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons, uiTranslations } from '@thuchoc/shared/web-ui';
import { assessmentsTranslations } from '../assessments.translations';

export const COURSE_ID = 'course-1';
export const BANK_URL = `/api/v1/courses/${COURSE_ID}/questions`;

export function makeQuestion(overrides: Partial<QuestionResponse> = {}): QuestionResponse {
  return {
    id: 'question-1',
    courseId: COURSE_ID,
    type: QuestionType.SingleChoice,
    topic: 'Lịch sử Đảng',
    difficulty: QuestionDifficulty.Easy,
    title: null,
    stem: 'Đảng Cộng sản Việt Nam ra đời năm nào?',
    options: [
      { text: '1930', isCorrect: true },
      { text: '1945', isCorrect: false },
    ],
    acceptedAnswers: [],
    acceptWithoutDiacritics: false,
    points: 1,
    explanation: null,
    version: 1,
    isArchived: false,
    archivedAt: null,
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

/** A page of the list as the API answers it. */
export function pageOf(items: QuestionResponse[], page = 1, pageSize = 20) {
  return { items, total: items.length, page, pageSize };
}

/** A problem+json body as the API sends it. */
export function problem(
  status: number,
  code: string,
  errors?: { field: string; messages: string[] }[],
): object {
  return { type: 'about:blank', title: 'Error', status, code, detail: `server detail for ${code}`, errors };
}

/** HTTP answered by `HttpTestingController`, the bank's strings and icons, no animations. */
export function provideQuestionBankTesting(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(),
    provideHttpClientTesting(),
    provideI18n(uiTranslations, assessmentsTranslations),
    provideAppIcons(),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}
