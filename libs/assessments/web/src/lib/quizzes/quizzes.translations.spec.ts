import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { LanguageStore, ProblemMessages, mergeDictionaries } from '@thuchoc/shared/web-core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { problem, provideQuizzesTesting } from './testing/quiz-fixtures';
import { quizzesTranslations } from './quizzes.translations';

/** The quiz and rubric problem codes the assessments API sends. */
const QUIZ_PROBLEM_CODES = [
  'quiz.invalid',
  'quiz.not-found',
  'quiz.read-only',
  'quiz.has-attempts',
  'quiz.not-open',
  'quiz.closed',
  'quiz.not-enough-questions',
  'rubric.invalid',
  'rubric.not-found',
  'rubric.grading-started',
  'rubric.missing',
];

/** Every key of a dictionary, dotted. */
function keys(dictionary: object, prefix = ''): string[] {
  return Object.entries(dictionary).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

describe('quizzesTranslations', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideQuizzesTesting() });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
  });

  it.each(['vi', 'en'])('translates every quiz and rubric problem code (%s)', async (language) => {
    const transloco = TestBed.inject(TranslocoService);
    await firstValueFrom(transloco.load(language));
    transloco.setActiveLang(language);
    const problems = TestBed.inject(ProblemMessages);

    const untranslated = QUIZ_PROBLEM_CODES.filter((code) => {
      const view = problems.describe(new HttpErrorResponse({ status: 400, error: problem(400, code) }));
      return view.message.startsWith('server detail');
    });

    expect(untranslated).toEqual([]);
  });

  it('has the same keys in both languages', async () => {
    expect(keys(mergeDictionaries([await quizzesTranslations.en()]))).toEqual(
      keys(mergeDictionaries([quizzesTranslations.vi])),
    );
  });
});
