import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ClassStatus, EnrollmentStatus, SessionMode } from '@thuchoc/classes/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons, uiTranslations } from '@thuchoc/shared/web-ui';
import { learnerClassRoutes } from '../learning.routes';
import { learningTranslations } from '../learning.translations';
import { LearnerClassPage } from './learner-class-page';
import {
  makeClass,
  makeDetail,
  makeLesson,
  makeModule,
  makeMyClass,
  makeSession,
} from './testing/learning-factories';

const DETAIL_URL = '/api/v1/me/classes/c1';

const DETAIL = makeDetail({
  sessions: [
    makeSession({
      id: 'later',
      title: 'Buổi trực tuyến',
      startsAt: '2099-03-03T01:00:00Z',
      endsAt: '2099-03-03T03:00:00Z',
      mode: SessionMode.OnlineLive,
      room: null,
      meetingUrl: 'https://meet.example.vn/lop-1',
    }),
    makeSession({
      id: 'over',
      title: 'Buổi khai giảng',
      startsAt: '2020-03-02T01:00:00Z',
      endsAt: '2020-03-02T03:00:00Z',
    }),
    makeSession({
      id: 'next',
      title: 'Buổi thứ hai',
      startsAt: '2099-03-02T01:00:00Z',
      endsAt: '2099-03-02T03:00:00Z',
    }),
  ],
  modules: [
    makeModule({
      id: 'm2',
      title: 'Phần 2',
      position: 2,
      lessons: [makeLesson({ id: 'l3', title: 'Bài ba' })],
    }),
    makeModule({
      id: 'm1',
      title: 'Phần 1',
      position: 1,
      lessons: [
        makeLesson({ id: 'l2', title: 'Bài hai', position: 2 }),
        makeLesson({ id: 'l1', title: 'Bài một' }),
      ],
    }),
  ],
});

describe(LearnerClassPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const all = (root: ParentNode, testId: string) =>
    Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));

  async function open(detail = DETAIL): Promise<void> {
    await harness.navigateByUrl('/learner/classes/c1', LearnerClassPage);
    backend.expectOne(DETAIL_URL).flush(detail);
    await harness.fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'learner', children: learnerClassRoutes }], withComponentInputBinding()),
        provideI18n(uiTranslations, learningTranslations),
        provideAppIcons(),
        // The dialog then closes at once instead of after its exit animation.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => backend.verify());

  it('shows the schedule by day in time order with the next session highlighted', async () => {
    await open();

    const days = all(page(), 'schedule-day');
    expect(days.map((day) => day.querySelector('h3')?.textContent?.trim())).toEqual([
      'Thứ Hai, 02/03/2020',
      'Thứ Hai, 02/03/2099',
      'Thứ Ba, 03/03/2099',
    ]);
    const items = all(page(), 'schedule-item');
    expect(items.map((item) => item.getAttribute('data-next'))).toEqual([null, 'true', null]);
    expect(items[1].textContent).toContain('08:00–10:00');
    expect(items[1].textContent).toContain('Buổi học tiếp theo');
    expect(items[1].textContent).toContain('Phòng học: Hội trường A');
    expect(items[1].textContent).toContain('Giảng viên: Lê Văn Giảng');
    expect(items[2].textContent).toContain('Trực tuyến');
    expect(items[2].querySelector('[data-testid="schedule-meeting-link"]')?.getAttribute('href')).toBe(
      'https://meet.example.vn/lop-1',
    );
  });

  it('links each session to its attendance page and the class to my attendance', async () => {
    await open();

    expect(all(page(), 'schedule-session-link').map((link) => link.getAttribute('href'))).toEqual([
      '/learner/sessions/over',
      '/learner/sessions/next',
      '/learner/sessions/later',
    ]);
    const mine = all(page(), 'my-attendance-link')[0];
    expect(mine.getAttribute('href')).toBe('/learner/classes/c1/attendance');
    expect(mine.textContent).toContain('Điểm danh của tôi');
  });

  it('lists the lessons by module in course order', async () => {
    await open();

    expect(
      all(page(), 'module-panel').map((panel) => panel.querySelector('mat-panel-title')?.textContent),
    ).toEqual(['Phần 1', 'Phần 2']);
    const links = all(page(), 'lesson-link');
    expect(links.map((link) => link.textContent)).toEqual(['Bài một', 'Bài hai', 'Bài ba']);
    expect(links[0].getAttribute('href')).toBe('/learner/classes/c1/lessons/l1');
  });

  it('withdraws with a required reason and goes back to my classes', async () => {
    await open();

    all(page(), 'withdraw-button')[0].click();
    await harness.fixture.whenStable();
    const dialog = document.querySelector<HTMLElement>('th-withdraw-dialog');
    if (dialog === null) throw new Error('no withdraw dialog');
    all(dialog, 'withdraw-confirm')[0].click();
    await harness.fixture.whenStable();
    expect(dialog.textContent).toContain('Vui lòng nhập thông tin này.');
    backend.expectNone(`${DETAIL_URL}/withdrawal`);

    const reason = all(dialog, 'withdraw-reason')[0] as HTMLTextAreaElement;
    reason.value = '  Ốm  ';
    reason.dispatchEvent(new Event('input'));
    all(dialog, 'withdraw-confirm')[0].click();
    await harness.fixture.whenStable();
    expect(dialog.textContent).toContain('Cần ít nhất 5 ký tự.');
    backend.expectNone(`${DETAIL_URL}/withdrawal`);

    reason.value = '  Chuyển công tác  ';
    reason.dispatchEvent(new Event('input'));
    all(dialog, 'withdraw-confirm')[0].click();
    const request = backend.expectOne(`${DETAIL_URL}/withdrawal`);
    expect(request.request.body).toEqual({ reason: 'Chuyển công tác' });
    request.flush(makeMyClass({ enrollmentStatus: EnrollmentStatus.Withdrawn }));
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/learner/classes');
    backend.match(() => true).forEach((pending) => pending.flush([]));
  });

  it('keeps the lessons closed while the request waits for approval', async () => {
    await open(
      makeDetail({ enrollment: makeMyClass({ enrollmentStatus: EnrollmentStatus.Pending }), modules: [] }),
    );

    expect(all(page(), 'lessons-locked')[0].textContent).toContain(
      'Bài học sẽ mở khi bạn chính thức được xếp vào lớp.',
    );
    expect(all(page(), 'enrollment-status')[0].textContent).toContain('Chờ duyệt');
    expect(all(page(), 'withdraw-button')).toHaveLength(1);
  });

  it('offers no withdrawal once the class has ended', async () => {
    await open(makeDetail({ class: makeClass({ status: ClassStatus.Closed }) }));

    expect(all(page(), 'withdraw-button')).toHaveLength(0);
  });

  it('explains a class that is not mine', async () => {
    await harness.navigateByUrl('/learner/classes/c1', LearnerClassPage);
    backend
      .expectOne(DETAIL_URL)
      .flush(
        { type: 'about:blank', title: 'Not Found', status: 404, code: 'my-class.not-found' },
        { status: 404, statusText: 'Not Found' },
      );
    await harness.fixture.whenStable();

    expect(page().querySelector('[role="alert"]')?.textContent).toContain(
      'Không tìm thấy lớp này trong các lớp của bạn.',
    );
  });
});
