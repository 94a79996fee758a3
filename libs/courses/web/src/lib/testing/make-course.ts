import {
  CourseAudience,
  CourseModuleResponse,
  CourseResponse,
  DEFAULT_COMPLETION_POLICY,
  DEFAULT_GRADING_SCHEME,
  LessonResponse,
} from '@thuchoc/courses/contracts';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons, uiTranslations } from '@thuchoc/shared/web-ui';
import { coursesTranslations } from '../courses.translations';

export const COURSE_ID = 'course-1';

export function makeLesson(overrides: Partial<LessonResponse> = {}): LessonResponse {
  return {
    id: 'lesson-1',
    moduleId: 'module-1',
    title: 'Bài 1: Chủ nghĩa Mác – Lênin',
    position: 1,
    body: '<p>Nội dung</p>',
    videoUrl: null,
    durationMinutes: 45,
    attachments: [],
    ...overrides,
  };
}

export function makeModule(overrides: Partial<CourseModuleResponse> = {}): CourseModuleResponse {
  return { id: 'module-1', title: 'Học phần I', position: 1, lessons: [makeLesson()], ...overrides };
}

export function makeCourse(overrides: Partial<CourseResponse> = {}): CourseResponse {
  return {
    id: COURSE_ID,
    code: 'LLCT-DVM',
    title: 'Lý luận chính trị cho đảng viên mới',
    audience: CourseAudience.NewPartyMembers,
    requiredHours: 40,
    ownerUnitId: 'unit-1',
    ownerUnitName: 'Trung tâm chính trị Tỉnh Đồng Nai',
    moduleCount: 1,
    lessonCount: 1,
    updatedAt: '2026-03-01T02:00:00.000Z',
    description: 'Chương trình bồi dưỡng',
    gradingScheme: DEFAULT_GRADING_SCHEME,
    completionPolicy: DEFAULT_COMPLETION_POLICY,
    modules: [makeModule()],
    ...overrides,
  };
}

/**
 * HTTP answered by `HttpTestingController`, the strings and the icons of the
 * course pages, and no animations, so dialogs close at once.
 */
export function provideCoursesTesting(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(),
    provideHttpClientTesting(),
    provideI18n(uiTranslations, coursesTranslations),
    provideAppIcons(),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}

/** A problem+json body as the API sends it. */
export function problem(status: number, code: string): object {
  return { type: 'about:blank', title: 'Error', status, code, detail: `server detail for ${code}` };
}
