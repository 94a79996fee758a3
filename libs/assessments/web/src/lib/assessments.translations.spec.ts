import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { LanguageStore, ProblemMessages } from '@thuchoc/shared/web-core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { problem, provideQuestionBankTesting } from './testing/make-question';

/** The question bank API's problem codes a user can meet. */
const QUESTION_BANK_PROBLEM_CODES = [
  'question.invalid',
  'question.not-found',
  'question.archived',
  'question-bank.read-only',
  'question-import.invalid',
  'question-import.file-missing',
  'question-import.unreadable',
  'question-import.columns-missing',
  'question-import.empty',
  'question-import.too-many',
  'question-import.too-large',
];

describe('assessmentsTranslations', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideQuestionBankTesting() });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
  });

  it.each(['vi', 'en'])('translates every question bank problem code (%s)', async (language) => {
    const transloco = TestBed.inject(TranslocoService);
    await firstValueFrom(transloco.load(language));
    transloco.setActiveLang(language);
    const problems = TestBed.inject(ProblemMessages);

    const untranslated = QUESTION_BANK_PROBLEM_CODES.filter((code) => {
      const view = problems.describe(new HttpErrorResponse({ status: 400, error: problem(400, code) }));
      return view.message.startsWith('server detail');
    });

    expect(untranslated).toEqual([]);
  });
});
