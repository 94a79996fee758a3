import { HttpErrorResponse } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { LanguageStore, ProblemMessages } from '@thuchoc/shared/web-core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { appConfig } from './app.config';

/** Codes the API answers with that a user can meet; each must read as a sentence in both languages. */
const API_PROBLEM_CODES = [
  'auth.invalid-credentials',
  'auth.too-many-attempts',
  'auth.unauthenticated',
  'auth.token-invalid',
  'auth.forbidden',
  'auth.wrong-password',
  'auth.refresh-invalid',
  'auth.refresh-reused',
  'access.role-required',
  'org-unit.code-taken',
  'org-unit.merged',
  'org-unit.move-into-own-subtree',
  'org-unit.merge-into-own-subtree',
  'org-unit.not-found',
  'org-unit.unknown',
  'user.username-taken',
  'user.email-taken',
  'user.role-not-grantable',
  'user.not-manageable',
  'user.not-found',
  'user.self-deactivation',
  'user.self-demotion',
  'notification.not-found',
  'attendance.code-invalid',
  'attendance.device-used',
  'attendance.too-many-attempts',
  'class-session.not-found',
  'integrity-flag.resolved',
  'attendance-excuse.not-found',
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
  'request.invalid',
  'request.too-many',
  'request.too-large',
  'request.malformed-body',
  'resource.not-found',
  'resource.conflict',
  'service.unavailable',
  'server.error',
];

const SERVER_DETAIL = 'detail from the server';

describe('app translations', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [...appConfig.providers, provideHttpClientTesting()] });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
  });

  it.each(['vi', 'en'])('translates every problem code the API sends (%s)', async (language) => {
    const transloco = TestBed.inject(TranslocoService);
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
});
