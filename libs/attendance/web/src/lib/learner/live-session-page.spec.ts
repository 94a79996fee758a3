import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  AttendanceStatus,
  CheckInMethod,
  HeartbeatResponse,
  LiveSessionEvent,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons, uiTranslations } from '@thuchoc/shared/web-ui';
import { Subject } from 'rxjs';
import { learnerAttendanceRoutes } from '../attendance.routes';
import { attendanceTranslations } from '../attendance.translations';
import { LiveSessionEvents } from '../data-access/live-session-events';
import { makeEvidence, makeRecord, makeSession, makeView } from '../testing/attendance-factories';
import { problem } from '../testing/http-testing';
import { LiveSessionPage } from './live-session-page';

const VIEW_URL = '/api/v1/me/attendance/sessions/s1';
const CHECK_IN_URL = `${VIEW_URL}/check-in`;
const HEARTBEAT_URL = `${VIEW_URL}/heartbeats`;
const CHECK = { id: 'k1', code: 'X7Q2', expiresAt: '2099-01-01T00:00:00Z' };

const CHECKED_IN = makeView({
  record: makeRecord({ evidence: makeEvidence({ checkInMethod: CheckInMethod.Qr, presenceSeconds: 0 }) }),
  canCheckIn: false,
});

function makeBeat(overrides: Partial<HeartbeatResponse> = {}): HeartbeatResponse {
  return { presenceSeconds: 120, pendingCheck: null, sessionStatus: SessionStatus.Live, ...overrides };
}

describe(LiveSessionPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  let events: Subject<LiveSessionEvent>;

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string, root: ParentNode = page()) =>
    root.querySelector<T>(`[data-testid="${id}"]`);
  const dialog = () => document.querySelector<HTMLElement>('th-attention-dialog');

  function type(input: HTMLInputElement | HTMLTextAreaElement | null, value: string): void {
    if (input === null) throw new Error('no input');
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function open(url = '/learner/sessions/s1', view = makeView()): Promise<void> {
    await harness.navigateByUrl(url, LiveSessionPage);
    backend.expectOne(VIEW_URL).flush(view);
    await harness.fixture.whenStable();
  }

  async function beat(answer = makeBeat()): Promise<void> {
    backend.expectOne(HEARTBEAT_URL).flush(answer);
    await harness.fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    events = new Subject();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'learner', children: learnerAttendanceRoutes }], withComponentInputBinding()),
        provideI18n(uiTranslations, attendanceTranslations),
        provideAppIcons(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: LiveSessionEvents, useValue: { watch: () => events } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    harness.fixture.destroy();
    backend.verify();
    jest.restoreAllMocks();
  });

  it('checks in at once from the QR link, drops the code from the address and records presence', async () => {
    await open('/learner/sessions/s1?code=482913');

    const checkIn = backend.expectOne(CHECK_IN_URL);
    expect(checkIn.request.body).toEqual({ code: '482913', method: 'qr' });
    expect(TestBed.inject(Router).url).toBe('/learner/sessions/s1');
    checkIn.flush({ isNew: true, record: CHECKED_IN.record });
    backend.expectOne(VIEW_URL).flush(CHECKED_IN);
    await harness.fixture.whenStable();
    await beat(makeBeat({ presenceSeconds: 150 }));

    expect(byTestId('checked-in')?.textContent).toContain('Bạn đã điểm danh lúc 08:02 (Quét mã QR).');
    expect(byTestId('presence-state')?.textContent).toContain('Đang ghi nhận');
    expect(byTestId('presence-minutes')?.textContent).toContain('Đã ghi nhận 2 phút có mặt.');
    expect(byTestId('check-in-form')).toBeNull();
  });

  it('checks a typed code and explains a refused one', async () => {
    await open();

    type(byTestId<HTMLInputElement>('check-in-code-input'), '12ab');
    byTestId('check-in-form')?.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
    expect(page().textContent).toContain('Mã điểm danh gồm đúng 6 chữ số.');
    backend.expectNone(CHECK_IN_URL);

    type(byTestId<HTMLInputElement>('check-in-code-input'), '123456');
    byTestId('check-in-form')?.dispatchEvent(new Event('submit'));
    const checkIn = backend.expectOne(CHECK_IN_URL);
    expect(checkIn.request.body).toEqual({ code: '123456', method: 'code' });
    checkIn.flush(...problem(400, 'attendance.code-invalid'));
    await harness.fixture.whenStable();

    expect(page().querySelector('[role="alert"]')?.textContent).toContain(
      'Mã điểm danh không đúng hoặc đã hết hạn.',
    );
  });

  it('says why check-in is not possible yet', async () => {
    await open(
      '/learner/sessions/s1',
      makeView({
        session: makeSession({ status: SessionStatus.Scheduled }),
        canCheckIn: false,
        checkInRefusal: 'attendance.check-in-not-open',
      }),
    );

    expect(byTestId('check-in-refusal')?.textContent).toContain('Chưa đến giờ điểm danh buổi học này.');
  });

  it('links to the online meeting', async () => {
    await open();

    const meeting = byTestId('meeting-link');
    expect(meeting?.getAttribute('href')).toBe('https://meet.example.vn/lop-1');
    expect(meeting?.getAttribute('target')).toBe('_blank');
  });

  it('records no presence while the page is hidden', async () => {
    jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await open('/learner/sessions/s1', CHECKED_IN);

    backend.expectNone(HEARTBEAT_URL);
    expect(byTestId('presence-state')?.textContent).toContain('Tạm dừng vì trang bị ẩn');
  });

  it('asks for the code of a pushed attention check and sends the answer until it is right', async () => {
    await open('/learner/sessions/s1', CHECKED_IN);
    await beat();

    events.next({ type: 'attention-check', check: CHECK });
    await harness.fixture.whenStable();
    const prompt = dialog();
    if (prompt === null) throw new Error('no attention dialog');
    expect(byTestId('attention-code', prompt)?.textContent).toContain('X7Q2');
    expect(byTestId('attention-remaining', prompt)?.textContent).toContain('Còn 60 giây');

    type(byTestId<HTMLInputElement>('attention-answer', prompt), 'X7Q3');
    byTestId('attention-submit', prompt)?.click();
    backend
      .expectOne('/api/v1/me/attendance/attention-checks/k1/answers')
      .flush({ isCorrect: false, answeredAt: null });
    await harness.fixture.whenStable();
    expect(prompt.textContent).toContain('Mã chưa đúng, vui lòng nhập lại.');

    type(byTestId<HTMLInputElement>('attention-answer', prompt), ' X7Q2 ');
    byTestId('attention-submit', prompt)?.click();
    const answer = backend.expectOne('/api/v1/me/attendance/attention-checks/k1/answers');
    expect(answer.request.body).toEqual({ code: 'X7Q2' });
    answer.flush({ isCorrect: true, answeredAt: '2026-03-02T01:20:10Z' });
    await harness.fixture.whenStable();

    expect(dialog()).toBeNull();
  });

  it('offers a check a heartbeat found only once, even when the push brings it too', async () => {
    await open('/learner/sessions/s1', CHECKED_IN);
    await beat(makeBeat({ pendingCheck: CHECK }));
    expect(document.querySelectorAll('th-attention-dialog')).toHaveLength(1);

    events.next({ type: 'attention-check', check: CHECK });
    await harness.fixture.whenStable();

    expect(document.querySelectorAll('th-attention-dialog')).toHaveLength(1);
  });

  it('stops recording presence once the lecturer ends the session', async () => {
    await open('/learner/sessions/s1', CHECKED_IN);
    await beat();

    events.next({ type: 'session-status', status: SessionStatus.Closed });
    await harness.fixture.whenStable();
    backend
      .expectOne(VIEW_URL)
      .flush({ ...CHECKED_IN, session: makeSession({ status: SessionStatus.Closed }) });
    await harness.fixture.whenStable();

    expect(byTestId('presence-state')?.textContent).toContain('Không ghi nhận vì buổi học không diễn ra');
    expect(byTestId('session-status')?.textContent).toContain('Đã kết thúc');
  });

  it('withdraws the attention prompt when the lecturer ends the session', async () => {
    await open('/learner/sessions/s1', CHECKED_IN);
    await beat();
    events.next({ type: 'attention-check', check: CHECK });
    await harness.fixture.whenStable();
    expect(dialog()).not.toBeNull();

    events.next({ type: 'session-status', status: SessionStatus.Closed });
    await harness.fixture.whenStable();
    backend
      .expectOne(VIEW_URL)
      .flush({ ...CHECKED_IN, session: makeSession({ status: SessionStatus.Closed }), pendingCheck: CHECK });
    await harness.fixture.whenStable();

    expect(dialog()).toBeNull();
  });

  it('offers no attention check for a session that has ended', async () => {
    await open(
      '/learner/sessions/s1',
      makeView({
        ...CHECKED_IN,
        session: makeSession({ status: SessionStatus.Finalised }),
        pendingCheck: CHECK,
      }),
    );

    expect(dialog()).toBeNull();
  });

  it('sends an excuse with its supporting document', async () => {
    await open(
      '/learner/sessions/s1',
      makeView({
        session: makeSession({ status: SessionStatus.Finalised }),
        record: makeRecord({
          status: AttendanceStatus.Absent,
          evidence: makeEvidence({ checkedInAt: null, checkInMethod: null, presenceSeconds: 0 }),
        }),
        canCheckIn: false,
        canRequestExcuse: true,
      }),
    );
    expect(byTestId('not-checked-in')?.textContent).toContain('Bạn chưa điểm danh buổi học này.');
    expect(byTestId('attendance-result')?.textContent).toContain('Vắng');

    const fileInput = byTestId<HTMLInputElement>('excuse-file');
    if (fileInput === null) throw new Error('no file input');
    const choose = (file: File) => {
      Object.defineProperty(fileInput, 'files', { configurable: true, value: { item: () => file } });
      fileInput.dispatchEvent(new Event('change'));
    };
    choose(new File(['x'], 'ghi-chu.txt', { type: 'text/plain' }));
    await harness.fixture.whenStable();
    expect(byTestId('excuse-form')?.textContent).toContain('phải là tệp PDF, JPEG hoặc PNG');

    choose(new File(['%PDF'], 'giay-moi-hop.pdf', { type: 'application/pdf' }));
    type(byTestId<HTMLTextAreaElement>('excuse-reason'), '  Họp Đảng uỷ xã đột xuất  ');
    byTestId('excuse-form')?.dispatchEvent(new Event('submit'));
    const request = backend.expectOne(`${VIEW_URL}/excuses`);
    const body = request.request.body as FormData;
    expect(body.get('reason')).toBe('Họp Đảng uỷ xã đột xuất');
    expect((body.get('attachment') as File).name).toBe('giay-moi-hop.pdf');
    request.flush({
      id: 'x1',
      status: 'pending',
      reason: 'Họp Đảng uỷ xã đột xuất',
      decisionReason: null,
    });
    await harness.fixture.whenStable();

    expect(byTestId('excuse-status')?.textContent).toContain('Đơn xin phép: Chờ duyệt');
    expect(byTestId('excuse-form')).toBeNull();
  });
});
