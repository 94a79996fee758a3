import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SessionStatus } from '@thuchoc/attendance/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons, uiTranslations } from '@thuchoc/shared/web-ui';
import { centreAttendanceRoutes } from '../attendance.routes';
import { attendanceTranslations } from '../attendance.translations';
import { makeCode, makeRoster, makeSession } from '../testing/attendance-factories';
import { nextRequest } from '../testing/http-testing';
import { SessionConsolePage } from './session-console-page';

const SESSION_URL = '/api/v1/attendance/sessions/s1';
const CODE_URL = `${SESSION_URL}/check-in-code`;
const LIVE_URL = `${SESSION_URL}/live`;

describe(SessionConsolePage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string, root: ParentNode = page()) =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  async function open(session = makeSession()): Promise<void> {
    await harness.navigateByUrl('/centre/sessions/s1', SessionConsolePage);
    backend.expectOne(SESSION_URL).flush(session);
    await harness.fixture.whenStable();
  }

  async function answerLive(code = makeCode()): Promise<void> {
    backend.expectOne(CODE_URL).flush(code);
    (await nextRequest(backend, LIVE_URL)).flush(makeRoster());
    await harness.fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'centre', children: centreAttendanceRoutes }], withComponentInputBinding()),
        provideI18n(uiTranslations, attendanceTranslations),
        provideAppIcons(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
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

  it('shows the rotating code in large digits, its QR code and when it changes', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-02T01:00:10Z'));
    await open();
    await answerLive(makeCode({ rotatesAt: '2026-03-02T01:00:30Z' }));

    expect(byTestId('check-in-code')?.textContent?.trim()).toBe('482913');
    expect(byTestId('check-in-qr')?.getAttribute('src')).toMatch(
      /^data:image\/svg\+xml;charset=utf-8,%3Csvg/,
    );
    expect(byTestId('check-in-qr')?.getAttribute('alt')).toBe('Mã QR để điểm danh buổi học');
    expect(byTestId('code-rotation')?.textContent).toContain('Mã mới sau 20 giây');
    expect(byTestId('session-status')?.textContent).toContain('Đang diễn ra');
  });

  it('shows who is present, who left and who has not joined', async () => {
    await open();
    await answerLive();

    expect(byTestId('present-count')?.textContent?.trim()).toBe('1');
    const present = byTestId('roster-hocvien01');
    expect(present?.textContent).toContain('Đang có mặt');
    expect(present?.textContent).toContain('Quét mã QR');
    expect(present?.textContent).toContain('18 phút');
    const left = byTestId('roster-hocvien02');
    expect(left?.textContent).toContain('Đã rời');
    expect(byTestId('late-badge', left ?? page())?.textContent).toContain('Muộn');
    expect(byTestId('roster-hocvien03')?.textContent).toContain('Chưa điểm danh');
  });

  it('opens a scheduled session', async () => {
    await open(makeSession({ status: SessionStatus.Scheduled }));
    backend.expectOne(LIVE_URL).flush(makeRoster());
    await harness.fixture.whenStable();
    expect(byTestId('check-in-code')).toBeNull();

    byTestId('session-open')?.click();
    backend.expectOne(`${SESSION_URL}/open`).flush(makeSession());
    await answerLive();

    expect(byTestId('check-in-code')?.textContent?.trim()).toBe('482913');
  });

  it('fires an attention check and lists it', async () => {
    await open();
    await answerLive();

    byTestId('attention-check-fire')?.click();
    backend.expectOne(`${SESSION_URL}/attention-checks`).flush({
      id: 'k1',
      firedAt: '2026-03-02T01:20:00Z',
      expiresAt: '2026-03-02T01:21:00Z',
      isAutomatic: false,
      recipients: 1,
      answered: 0,
    });
    await harness.fixture.whenStable();

    expect(byTestId('attention-check')?.textContent).toContain('0/1 học viên đã trả lời');
  });

  it('ends the session after a confirmation and shows the finalisation under way', async () => {
    await open();
    await answerLive();

    byTestId('session-close')?.click();
    await harness.fixture.whenStable();
    const confirm = document.querySelector<HTMLElement>('[data-testid="confirm-submit"]');
    expect(document.querySelector('th-confirm-dialog')?.textContent).toContain(
      'Kết thúc buổi học “Chuyên đề 1: Chủ nghĩa Mác – Lênin”?',
    );
    confirm?.click();
    await harness.fixture.whenStable();
    backend.expectOne(`${SESSION_URL}/close`).flush(makeSession({ status: SessionStatus.Closed }));
    (await nextRequest(backend, LIVE_URL)).flush(makeRoster());
    await harness.fixture.whenStable();

    expect(byTestId('console-finalising')?.textContent).toContain('Đang tổng hợp…');
    expect(byTestId('check-in-code')).toBeNull();
  });

  it('links a finalised session to the class attendance', async () => {
    await open(makeSession({ status: SessionStatus.Finalised }));
    backend.expectOne(LIVE_URL).flush(makeRoster());
    await harness.fixture.whenStable();

    expect(byTestId('console-grid-link')?.getAttribute('href')).toBe('/centre/classes/c1/attendance');
    expect(byTestId('back-to-class')?.getAttribute('href')).toBe('/centre/classes/c1');
  });
});
