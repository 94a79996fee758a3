import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { EnrollmentStatus, TeachingClassResponse } from '@thuchoc/classes/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons } from '@thuchoc/shared/web-ui';
import { lecturerClassRoutes } from '../learning.routes';
import { learningTranslations } from '../learning.translations';
import { TeachingClassPage } from './teaching-class-page';
import { makeClass, makeEnrollment, makeSession } from './testing/learning-factories';

const TEACHING: TeachingClassResponse = {
  class: makeClass(),
  sessions: [makeSession()],
  roster: [
    makeEnrollment({}),
    makeEnrollment({
      id: 'e2',
      username: 'hocvien02',
      fullName: 'Trần Thị Đào',
      unitName: 'Xã Long Thành',
      position: null,
    }),
    makeEnrollment({
      id: 'e3',
      username: 'hocvien03',
      fullName: 'Phạm Minh Đức',
      status: EnrollmentStatus.Waitlisted,
      waitlistPosition: 1,
    }),
  ],
};

describe(TeachingClassPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const rows = () => Array.from(page().querySelectorAll<HTMLElement>('[data-testid="roster-row"]'));

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'lecturer', children: lecturerClassRoutes }], withComponentInputBinding()),
        provideI18n(learningTranslations),
        provideAppIcons(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/lecturer/classes/c1', TeachingClassPage);
    backend.expectOne('/api/v1/me/teaching/c1').flush(TEACHING);
    await harness.fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('shows the class, its schedule and its roster with each learner’s status', () => {
    expect(page().querySelector('h1')?.textContent).toContain('Lớp đảng viên mới khoá 1');
    expect(page().querySelectorAll('[data-testid="schedule-item"]')).toHaveLength(1);
    expect(rows()).toHaveLength(3);
    expect(rows()[0].textContent).toContain('Phường Trấn Biên');
    expect(rows()[0].textContent).toContain('Bí thư chi đoàn');
    expect(rows()[2].textContent).toContain('Danh sách chờ – vị trí số 1');
    expect(page().textContent).toContain('Hiển thị 3/3 học viên');
  });

  it('links to the class attendance and each session’s console', () => {
    expect(page().querySelector('[data-testid="class-attendance-link"]')?.getAttribute('href')).toBe(
      '/lecturer/classes/c1/attendance',
    );
    expect(page().querySelector('[data-testid="schedule-session-link"]')?.getAttribute('href')).toBe(
      '/lecturer/sessions/s1',
    );
  });

  it('searches the roster without needing diacritics', async () => {
    const search = page().querySelector<HTMLInputElement>('[data-testid="roster-search"]');
    if (search === null) throw new Error('no roster search');

    search.value = 'dao';
    search.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    expect(rows().map((row) => row.textContent)).toEqual([expect.stringContaining('Trần Thị Đào')]);
    expect(page().textContent).toContain('Hiển thị 1/3 học viên');

    search.value = 'không có ai';
    search.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    expect(rows()).toHaveLength(0);
    expect(page().textContent).toContain('Không có học viên nào khớp với từ khoá.');
  });
});
