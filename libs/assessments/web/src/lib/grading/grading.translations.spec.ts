import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { LanguageStore, ProblemMessages } from '@thuchoc/shared/web-core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { problem, provideGradingTesting } from './testing/grading-factories';

/** The problem codes the grading pages can meet from the API. */
const GRADING_PROBLEM_CODES = [
  'grade.invalid',
  'attempt.not-found',
  'attempt.not-gradable',
  'attempt.similarity-open',
  'rubric.missing',
  'similarity-flag.not-found',
  'similarity-flag.resolved',
  'quiz.read-only',
];

describe('gradingTranslations', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideGradingTesting() });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
  });

  it.each(['vi', 'en'])('translates every grading problem code (%s)', async (language) => {
    const transloco = TestBed.inject(TranslocoService);
    await firstValueFrom(transloco.load(language));
    transloco.setActiveLang(language);
    const problems = TestBed.inject(ProblemMessages);

    const untranslated = GRADING_PROBLEM_CODES.filter((code) => {
      const view = problems.describe(new HttpErrorResponse({ status: 400, error: problem(400, code) }));
      return view.message.startsWith('server detail');
    });

    expect(untranslated).toEqual([]);
  });
});
