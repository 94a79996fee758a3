import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { LanguageStore, ProblemMessages } from '@thuchoc/shared/web-core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { providePlayerTesting } from './testing/make-attempt';

/** The problem codes a learner can meet while starting, taking and submitting a quiz. */
const LEARNER_PROBLEM_CODES = [
  'attempt.closed',
  'attempt.not-found',
  'attempt.limit-reached',
  'attempt.not-eligible',
  'attempt.conflict',
  'attempt-question.not-found',
  'answer.invalid',
  'quiz.not-found',
  'quiz.not-open',
  'quiz.closed',
  'quiz.not-enough-questions',
];

describe('quizPlayerTranslations', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: providePlayerTesting() });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
  });

  it.each(['vi', 'en'])('translates every problem code a learner meets (%s)', async (language) => {
    const transloco = TestBed.inject(TranslocoService);
    await firstValueFrom(transloco.load(language));
    transloco.setActiveLang(language);
    const problems = TestBed.inject(ProblemMessages);

    const untranslated = LEARNER_PROBLEM_CODES.filter((code) => {
      const error = {
        type: 'about:blank',
        title: 'Error',
        status: 409,
        code,
        detail: `server detail for ${code}`,
      };
      return problems
        .describe(new HttpErrorResponse({ status: 409, error }))
        .message.startsWith('server detail');
    });

    expect(untranslated).toEqual([]);
  });
});
