import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { LanguageStore, ProblemMessages } from '@thuchoc/shared/web-core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { problem, provideCoursesTesting } from './testing/make-course';

/** The course API's problem codes a centre staff member can meet. */
const COURSE_PROBLEM_CODES = [
  'course.not-found',
  'course.code-taken',
  'course.scheme-weights',
  'course.scheme-components',
  'module.not-found',
  'module.position-out-of-range',
  'lesson.not-found',
  'lesson.position-out-of-range',
  'attachment.missing',
  'attachment.not-pdf',
  'attachment.too-large',
  'attachment.not-found',
];

describe('coursesTranslations', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideCoursesTesting() });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
  });

  it.each(['vi', 'en'])('translates every course problem code (%s)', async (language) => {
    const transloco = TestBed.inject(TranslocoService);
    await firstValueFrom(transloco.load(language));
    transloco.setActiveLang(language);
    const problems = TestBed.inject(ProblemMessages);

    const untranslated = COURSE_PROBLEM_CODES.filter((code) => {
      const view = problems.describe(new HttpErrorResponse({ status: 400, error: problem(400, code) }));
      return view.message.startsWith('server detail');
    });

    expect(untranslated).toEqual([]);
  });
});
