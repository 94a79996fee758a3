import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  AttendanceStatus,
  CheckInMethod,
  ExcuseStatus,
  MyAttendanceHistory,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons } from '@thuchoc/shared/web-ui';
import { learnerAttendanceRoutes } from '../attendance.routes';
import { attendanceTranslations } from '../attendance.translations';
import { makeEvidence, makeExcuse, makeGridSession, makeRecord } from '../testing/attendance-factories';
import { AttendanceHistoryPage } from './attendance-history-page';

const HISTORY_URL = '/api/v1/me/attendance/classes/c1';

function makeHistory(overrides: Partial<MyAttendanceHistory> = {}): MyAttendanceHistory {
  return {
    classId: 'c1',
    classTitle: 'Lớp đảng viên mới khoá 1',
    sessions: [
      {
        ...makeGridSession(),
        record: makeRecord({
          status: AttendanceStatus.Late,
          evidence: makeEvidence({ isLate: true, checkInMethod: CheckInMethod.Qr }),
        }),
        excuse: null,
      },
      {
        ...makeGridSession({ id: 's2', title: 'Chuyên đề 2' }),
        record: makeRecord({
          sessionId: 's2',
          status: AttendanceStatus.Excused,
          evidence: makeEvidence({ checkedInAt: null, checkInMethod: null, presenceSeconds: 0 }),
        }),
        excuse: makeExcuse({
          sessionId: 's2',
          status: ExcuseStatus.Approved,
          decisionReason: 'Có giấy mời họp',
        }),
      },
      {
        ...makeGridSession({ id: 's3', title: 'Chuyên đề 3', status: SessionStatus.Scheduled }),
        record: null,
        excuse: null,
      },
    ],
    attendedCount: 2,
    absentCount: 1,
    allowedAbsences: 1,
    warning: 'near',
    ...overrides,
  };
}

describe(AttendanceHistoryPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string) => page().querySelector<HTMLElement>(`[data-testid="${id}"]`);

  async function open(history = makeHistory()): Promise<void> {
    await harness.navigateByUrl('/learner/classes/c1/attendance', AttendanceHistoryPage);
    backend.expectOne(HISTORY_URL).flush(history);
    await harness.fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'learner', children: learnerAttendanceRoutes }], withComponentInputBinding()),
        provideI18n(attendanceTranslations),
        provideAppIcons(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => backend.verify());

  it('shows each session with its status and the evidence behind it', async () => {
    await open();

    const first = byTestId('history-session-0');
    expect(first?.textContent).toContain('Đi muộn');
    expect(first?.textContent).toContain('Quét mã QR');
    expect(first?.textContent).toContain('90 phút (75% thời gian buổi học)');
    expect(first?.textContent).toContain('Trả lời 2 lần, bỏ lỡ 1 lần');
    expect(byTestId('history-session-1')?.textContent).toContain('Đơn xin phép: Đã chấp thuận');
    expect(byTestId('history-session-1')?.textContent).toContain('Có giấy mời họp');
    expect(byTestId('history-session-2')?.textContent).toContain('Chưa có');
    expect(
      byTestId('history-session-2')
        ?.querySelector('[data-testid="history-session-link"]')
        ?.getAttribute('href'),
    ).toBe('/learner/sessions/s3');
  });

  it('counts absences against those allowed and warns before the limit is crossed', async () => {
    await open();

    expect(byTestId('history-summary')?.textContent).toContain(
      'Đã tham dự 2 buổi · đã vắng 1/1 buổi được phép',
    );
    expect(byTestId('absence-warning')?.textContent).toContain('Nếu vắng thêm một buổi nữa');
  });

  it('says so once the limit is crossed', async () => {
    await open(makeHistory({ absentCount: 2, warning: 'crossed' }));

    expect(byTestId('absence-warning')?.textContent).toContain('vượt quá 1 buổi được phép');
  });

  it('shows no warning while the learner is well within the limit', async () => {
    await open(makeHistory({ absentCount: 0, allowedAbsences: 3, warning: null }));

    expect(byTestId('absence-warning')).toBeNull();
  });
});
