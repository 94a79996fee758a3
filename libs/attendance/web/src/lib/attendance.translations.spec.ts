import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import {
  CheckInMethod,
  DEFAULT_ATTENDANCE_POLICY,
  ExcuseStatus,
  LiveLearnerState,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { IntegrityFlagKind, IntegrityFlagStatus } from '@thuchoc/integrity/contracts';
import { HeartbeatState, LanguageStore, ProblemMessages, provideI18n } from '@thuchoc/shared/web-core';
import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { firstValueFrom } from 'rxjs';
import { attendanceTranslations } from './attendance.translations';
import { CELL_STATUSES } from './data-access/attendance-grid';

/** Codes the attendance and integrity-flag APIs answer with; each must read as a sentence in both languages. */
const API_PROBLEM_CODES = [
  'attendance.code-invalid',
  'attendance.check-in-not-open',
  'attendance.check-in-closed',
  'attendance.device-used',
  'attendance.device-unregistered',
  'attendance.too-many-attempts',
  'attendance.session-not-live',
  'attendance.session-status',
  'attendance.attention-check-expired',
  'attendance.excuse-window-closed',
  'attendance.excuse-exists',
  'attendance.excuse-decided',
  'attendance.attachment-type',
  'attendance.presence-unavailable',
  'attendance.not-checked-in',
  'class-session.not-found',
  'integrity-flag.not-found',
  'integrity-flag.resolved',
  'attendance-excuse.not-found',
];

const SERVER_DETAIL = 'detail from the server';
const LANGUAGES = ['vi', 'en'] as const;

/** Every translation key written out in full in the library's templates and code. */
function keysUsedInSources(): string[] {
  const keys = new Set<string>();
  const visit = (directory: string): void => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (/\.(ts|html)$/.test(name) && !/\.(spec|translations(\.vi|\.en)?)\.ts$/.test(name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(/'((?:attendance|problems)\.[\w.-]+)'/g)) {
          if (!match[1].endsWith('.')) keys.add(match[1]);
        }
      }
    }
  };
  visit(__dirname);
  return [...keys];
}

/** The library's strings in `language`; English comes from its lazy loader. */
async function dictionaryOf(language: (typeof LANGUAGES)[number]): Promise<object> {
  return language === 'en' ? attendanceTranslations.en() : attendanceTranslations.vi;
}

function lookup(dictionary: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined,
      dictionary,
    );
}

describe('attendanceTranslations', () => {
  let transloco: TranslocoService;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18n(attendanceTranslations)] });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
    transloco = TestBed.inject(TranslocoService);
  });

  it.each(LANGUAGES)('translates every problem code of the attendance API (%s)', async (language) => {
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

  it.each(LANGUAGES)('has every key the pages use (%s)', async (language) => {
    const dictionary = await dictionaryOf(language);
    const missing = keysUsedInSources().filter((key) => typeof lookup(dictionary, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('names every status, method, state and kind the API sends (%s)', async (language) => {
    const dictionary = await dictionaryOf(language);
    const heartbeatStates: HeartbeatState[] = ['beating', 'hidden', 'idle', 'off'];
    const learnerStates: LiveLearnerState[] = ['present', 'left', 'not-joined'];
    const expected = [
      ...CELL_STATUSES.map((status) => `attendance.statuses.${status}`),
      ...Object.values(SessionStatus).map((status) => `attendance.sessionStatuses.${status}`),
      ...Object.values(CheckInMethod).map((method) => `attendance.methods.${method}`),
      ...learnerStates.map((state) => `attendance.learnerStates.${state}`),
      ...Object.values(ExcuseStatus).map((status) => `attendance.excuseStatuses.${status}`),
      ...Object.values(IntegrityFlagKind).map((kind) => `attendance.flags.kinds.${kind}`),
      ...Object.values(IntegrityFlagStatus).map((status) => `attendance.flags.statuses.${status}`),
      ...Object.keys(DEFAULT_ATTENDANCE_POLICY).flatMap((field) => [
        `attendance.policy.fields.${field}`,
        `attendance.policy.hints.${field}`,
      ]),
      ...heartbeatStates.map((state) => `attendance.live.presence.${state}`),
      ...['online-live', 'in-person', 'self-paced'].map((mode) => `attendance.modes.${mode}`),
      ...['near', 'crossed'].flatMap((warning) => [
        `attendance.warnings.${warning}`,
        `attendance.history.${warning}`,
      ]),
    ];

    expect(expected.filter((key) => typeof lookup(dictionary, key) !== 'string')).toEqual([]);
  });

  it('names the integrity flag kinds in plain Vietnamese', () => {
    expect(attendanceTranslations.vi.attendance.flags.kinds).toEqual({
      'shared-device': 'Hai tài khoản điểm danh trên cùng một thiết bị',
      'shared-ip': 'Nhiều tài khoản điểm danh từ cùng một địa chỉ IP',
      'late-manual-mark': 'Điểm danh thủ công muộn hơn 24 giờ sau buổi học',
      'bulk-manual-mark': 'Một thao tác điểm danh thủ công cho nhiều học viên',
    });
  });
});
