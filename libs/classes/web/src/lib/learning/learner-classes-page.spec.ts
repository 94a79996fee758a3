import { Clipboard } from '@angular/cdk/clipboard';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ClassStatus, EnrollmentStatus } from '@thuchoc/classes/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons } from '@thuchoc/shared/web-ui';
import { learnerClassRoutes } from '../learning.routes';
import { learningTranslations } from '../learning.translations';
import { LearnerClassesPage } from './learner-classes-page';
import { makeClass, makeMyClass } from './testing/learning-factories';

describe(LearnerClassesPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const element = () => harness.routeNativeElement as HTMLElement;
  const all = (testId: string) =>
    Array.from(element().querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'learner', children: learnerClassRoutes }], withComponentInputBinding()),
        provideI18n(learningTranslations),
        provideAppIcons(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/learner/classes', LearnerClassesPage);

    backend.expectOne('/api/v1/me/classes').flush([
      makeMyClass({ nextSessionAt: '2026-03-02T01:00:00Z' }),
      makeMyClass({
        enrollmentId: 'e2',
        classId: 'c2',
        classTitle: 'Lớp nhận thức về Đảng',
        enrollmentStatus: EnrollmentStatus.Waitlisted,
        waitlistPosition: 3,
        status: ClassStatus.Open,
      }),
      makeMyClass({
        enrollmentId: 'e3',
        classId: 'c3',
        classTitle: 'Lớp đã rút',
        enrollmentStatus: EnrollmentStatus.Withdrawn,
      }),
    ]);
    backend
      .expectOne('/api/v1/me/open-classes')
      .flush([makeClass({ id: 'c9', title: 'Lớp chuyên đề nghị quyết', status: ClassStatus.Open })]);
    backend.expectOne('/api/v1/me/calendar').flush({
      path: '/api/v1/calendar/tok3n.ics',
      url: 'https://thuchoc.dongnai.gov.vn/api/v1/calendar/tok3n.ics',
    });
    await harness.fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('shows my classes with my enrollment and the next session in Vietnam time', () => {
    const cards = all('my-class-card');

    expect(cards.map((card) => card.getAttribute('data-class-id'))).toEqual(['c1', 'c2', 'c3']);
    expect(cards[0].textContent).toContain('Đang tham gia');
    expect(cards[0].textContent).toContain('Trung tâm chính trị Biên Hoà');
    expect(cards[0].textContent).toContain('02/03/2026 – 30/04/2026');
    expect(cards[0].querySelector('[data-testid="my-class-next-session"]')?.textContent).toContain(
      'Thứ Hai, 02/03/2026 lúc 08:00',
    );
    expect(cards[0].querySelector('[data-testid="my-class-link"]')?.getAttribute('href')).toBe(
      '/learner/classes/c1',
    );
    expect(cards[1].textContent).toContain('Danh sách chờ – vị trí số 3');
    expect(cards[1].textContent).toContain('Chưa có buổi học sắp tới');
    // A withdrawn learner no longer opens the class.
    expect(cards[2].querySelector('[data-testid="my-class-link"]')).toBeNull();
  });

  it('asks to join an open class and then lists it as pending', async () => {
    expect(all('open-class-card')[0].textContent).toContain('Lớp chuyên đề nghị quyết');

    all('request-enrollment')[0].click();
    const request = backend.expectOne('/api/v1/me/open-classes/c9/enrollment-request');
    expect(request.request.method).toBe('POST');
    request.flush(
      makeMyClass({
        enrollmentId: 'e9',
        classId: 'c9',
        classTitle: 'Lớp chuyên đề nghị quyết',
        enrollmentStatus: EnrollmentStatus.Pending,
      }),
    );
    await harness.fixture.whenStable();

    expect(all('open-class-card')).toHaveLength(0);
    expect(element().textContent).toContain('Hiện chưa có lớp nào đang tuyển sinh dành cho bạn.');
    const joined = all('my-class-card')[0];
    expect(joined.getAttribute('data-class-id')).toBe('c9');
    expect(joined.textContent).toContain('Chờ duyệt');
  });

  it('shows why a join request was refused', async () => {
    all('request-enrollment')[0].click();
    backend
      .expectOne('/api/v1/me/open-classes/c9/enrollment-request')
      .flush(
        { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Hết hạn đăng ký.' },
        { status: 409, statusText: 'Conflict' },
      );
    await harness.fixture.whenStable();

    expect(element().querySelector('[role="alert"]')?.textContent).toContain('Hết hạn đăng ký.');
    expect(all('open-class-card')).toHaveLength(1);
  });

  it('gives the calendar feed address, copies it and offers it to the calendar app', () => {
    const copy = jest.spyOn(TestBed.inject(Clipboard), 'copy').mockReturnValue(true);

    expect(all('calendar-url')[0].textContent).toBe(
      'https://thuchoc.dongnai.gov.vn/api/v1/calendar/tok3n.ics',
    );
    expect(all('calendar-subscribe')[0].getAttribute('href')).toBe(
      'webcal://thuchoc.dongnai.gov.vn/api/v1/calendar/tok3n.ics',
    );
    all('calendar-copy')[0].click();

    expect(copy).toHaveBeenCalledWith('https://thuchoc.dongnai.gov.vn/api/v1/calendar/tok3n.ics');
  });
});
