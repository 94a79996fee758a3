import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { ClassLedgerType, ImportRowError } from '@thuchoc/classes/contracts';
import { LanguageStore, ProblemMessages, provideI18n } from '@thuchoc/shared/web-core';
import { firstValueFrom } from 'rxjs';
import { classesTranslations } from './classes.translations';

/** Codes the classes API answers with; each must read as a sentence in both languages. */
const API_PROBLEM_CODES = [
  'class.not-found',
  'class.code-taken',
  'class.invalid-transition',
  'class.reason-required',
  'class.not-editable',
  'class.capacity-below-active',
  'class.course-unknown',
  'class.target-outside-scope',
  'class.lecturer-unknown',
  'class.owner-outside-scope',
  'session.not-found',
  'session.lecturer-double-booked',
  'session.ends-before-start',
  'session.lecturer-not-in-class',
  'session.class-closed',
  'enrollment.not-found',
  'enrollment.already-enrolled',
  'enrollment.outside-target',
  'enrollment.not-pending',
  'enrollment.not-withdrawable',
  'enrollment.class-not-enrolling',
  'enrollment.user-not-learner',
  'enrollment.user-unknown',
  'enrollment.reason-required',
  'approval.not-found',
  'approval.self-decision',
  'approval.not-parent-staff',
  'approval.already-decided',
  'approval.already-pending',
  'opening-approval.not-found',
  'import.too-large',
  'import.unreadable',
  'import.missing-columns',
  'import.too-many-rows',
  'import.not-found',
  'import.file-missing',
  'verification.not-found',
  'calendar.not-found',
];

const SERVER_DETAIL = 'detail from the server';

describe('classesTranslations', () => {
  let transloco: TranslocoService;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18n(classesTranslations)] });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
    transloco = TestBed.inject(TranslocoService);
  });

  it.each(['vi', 'en'])('translates every problem code of the classes API (%s)', async (language) => {
    await firstValueFrom(transloco.load(language));
    transloco.setActiveLang(language);
    const problems = TestBed.inject(ProblemMessages);

    const untranslated = API_PROBLEM_CODES.filter((code) => {
      const error = new HttpErrorResponse({
        status: 400,
        error: { type: 'about:blank', title: 'Error', status: 400, code, detail: SERVER_DETAIL },
      });
      return problems.describe(error).message === SERVER_DETAIL;
    });

    expect(untranslated).toEqual([]);
  });

  it.each(['vi', 'en'] as const)('names every import row error (%s)', async (language) => {
    const dictionary = language === 'en' ? await classesTranslations.en() : classesTranslations.vi;
    const names = dictionary.classes.importErrors as Record<string, string>;
    expect(Object.values(ImportRowError).filter((code) => !names[code])).toEqual([]);
  });

  it('has a sentence for every class ledger entry type', () => {
    const sentences = Object.keys(classesTranslations.vi.classes.history.entries);
    // The sentence keys are camelCase forms of the entry types, e.g. enrollment.added → enrollmentAdded.
    expect(sentences.length).toBeGreaterThanOrEqual(Object.values(ClassLedgerType).length);
  });
});
