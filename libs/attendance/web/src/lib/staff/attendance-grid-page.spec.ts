import { BreakpointObserver } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DEFAULT_ATTENDANCE_POLICY } from '@thuchoc/attendance/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons, uiTranslations } from '@thuchoc/shared/web-ui';
import { of } from 'rxjs';
import { auditorAttendanceRoutes, centreAttendanceRoutes } from '../attendance.routes';
import { attendanceTranslations } from '../attendance.translations';
import { makeGrid } from '../testing/attendance-factories';
import { AttendanceGridPage } from './attendance-grid-page';

const GRID_URL = '/api/v1/classes/c1/attendance';
const POLICY_URL = `${GRID_URL}/policy`;

describe(AttendanceGridPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string, root: ParentNode = page()) =>
    root.querySelector<T>(`[data-testid="${id}"]`);
  const overlay = () => document.querySelector<HTMLElement>('.cdk-overlay-container') ?? document.body;
  const cellText = (id: string) => byTestId(id)?.textContent?.trim();

  async function setUp(isNarrow = false): Promise<void> {
    const routes: Routes = [
      { path: 'centre', children: centreAttendanceRoutes },
      { path: 'auditor', children: auditorAttendanceRoutes },
    ];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(routes, withComponentInputBinding()),
        provideI18n(uiTranslations, attendanceTranslations),
        provideAppIcons(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        {
          provide: BreakpointObserver,
          useValue: { observe: () => of({ matches: isNarrow, breakpoints: {} }) },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  }

  async function open(area: 'centre' | 'auditor' = 'centre'): Promise<void> {
    await harness.navigateByUrl(`/${area}/classes/c1/attendance`, AttendanceGridPage);
    backend.expectOne(GRID_URL).flush(makeGrid());
    await harness.fixture.whenStable();
  }

  async function choose(select: HTMLElement | null, optionText: string): Promise<void> {
    select?.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await harness.fixture.whenStable();
    const option = Array.from(overlay().querySelectorAll<HTMLElement>('mat-option')).find(
      (candidate) => candidate.textContent?.trim() === optionText,
    );
    if (option === undefined) throw new Error(`no option ${optionText}`);
    option.click();
    await harness.fixture.whenStable();
  }

  function type(input: HTMLTextAreaElement | HTMLInputElement | null, value: string): void {
    if (input === null) throw new Error('no input');
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  beforeEach(() => localStorage.clear());

  afterEach(() => {
    backend.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('shows learners × sessions with each cell’s status, and per learner the summary and warning', async () => {
    await setUp();
    await open();

    expect(cellText('cell-hocvien01-0')).toBe('Có mặt');
    expect(cellText('cell-hocvien01-1')).toBe('Đi muộn');
    expect(cellText('cell-hocvien01-2')).toBe('Chưa có');
    // The server sent this learner's cells in another order; they still sit under their sessions.
    expect(cellText('cell-hocvien02-0')).toBe('Vắng');
    expect(cellText('cell-hocvien02-1')).toBe('Vắng có phép');
    const row = byTestId('grid-row-hocvien02');
    expect(row?.textContent).toContain('50%');
    expect(byTestId('row-warning', row ?? page())?.textContent).toContain('Sắp vượt số buổi được vắng');
    expect(byTestId('grid-summary')?.textContent).toContain('Số buổi được vắng: 1');
    expect(byTestId('session-col-0')?.querySelector('a')?.getAttribute('href')).toBe('/centre/sessions/s1');
    expect(page().querySelector('tfoot')?.textContent).toContain('1/2');
  });

  it('opens a cell’s evidence and corrects it by hand with a reason', async () => {
    await setUp();
    await open();

    byTestId('cell-hocvien02-0')?.click();
    await harness.fixture.whenStable();
    const cell = byTestId('cell-dialog', document);
    expect(cell?.textContent).toContain('Vắng');
    expect(cell?.textContent).toContain('Không tham gia, không báo trước');
    byTestId('cell-mark', document)?.click();
    await harness.fixture.whenStable();

    const mark = document.querySelector<HTMLElement>('th-mark-dialog');
    if (mark === null) throw new Error('no mark dialog');
    expect(byTestId('mark-learners', mark)?.textContent).toContain('Trần Thị Đào');
    expect(byTestId('mark-session', mark)?.textContent).toContain('Buổi 1 · Chuyên đề 1');
    await choose(byTestId('mark-status', mark), 'Vắng có phép');
    byTestId('mark-submit', mark)?.click();
    await harness.fixture.whenStable();
    expect(mark.textContent).toContain('Vui lòng nhập thông tin này.');
    backend.expectNone('/api/v1/attendance/sessions/s1/marks');

    type(byTestId<HTMLTextAreaElement>('mark-reason', mark), '  Có giấy mời họp của huyện uỷ  ');
    byTestId('mark-submit', mark)?.click();
    const request = backend.expectOne('/api/v1/attendance/sessions/s1/marks');
    expect(request.request.body).toEqual({
      userIds: ['u2'],
      status: 'excused',
      reason: 'Có giấy mời họp của huyện uỷ',
    });
    request.flush({ marked: 1, flagsRaised: 0 });
    backend.expectOne(GRID_URL).flush(makeGrid());
    await harness.fixture.whenStable();

    expect(document.querySelector('th-mark-dialog')).toBeNull();
    expect(document.body.textContent).toContain('Đã điểm danh cho 1 học viên.');
  });

  it('marks the selected learners at once and says which flags that raised', async () => {
    await setUp();
    await open();

    byTestId('grid-select-all')?.querySelector('input')?.click();
    await harness.fixture.whenStable();
    expect(byTestId('grid-mark')?.textContent).toContain('Điểm danh thủ công (2)');
    byTestId('grid-mark')?.click();
    await harness.fixture.whenStable();

    const mark = document.querySelector<HTMLElement>('th-mark-dialog');
    if (mark === null) throw new Error('no mark dialog');
    await choose(byTestId('mark-session', mark), 'Buổi 2 · Chuyên đề 2');
    await choose(byTestId('mark-status', mark), 'Có mặt');
    type(byTestId<HTMLTextAreaElement>('mark-reason', mark), 'Điểm danh bằng sổ giấy do mất mạng');
    byTestId('mark-submit', mark)?.click();
    const request = backend.expectOne('/api/v1/attendance/sessions/s2/marks');
    expect(request.request.body).toMatchObject({ userIds: ['u1', 'u2'], status: 'present' });
    request.flush({ marked: 2, flagsRaised: 1 });
    backend.expectOne(GRID_URL).flush(makeGrid());
    await harness.fixture.whenStable();

    expect(document.body.textContent).toContain('Thao tác này đã tạo 1 cảnh báo bất thường');
    expect(byTestId('grid-mark')?.hasAttribute('disabled')).toBe(true);
  });

  it('edits the class’s attendance rules for centre staff', async () => {
    await setUp();
    await open();

    byTestId('grid-policy')?.click();
    await harness.fixture.whenStable();
    backend.expectOne(POLICY_URL).flush(DEFAULT_ATTENDANCE_POLICY);
    await harness.fixture.whenStable();
    const dialog = document.querySelector<HTMLElement>('th-policy-dialog');
    if (dialog === null) throw new Error('no policy dialog');
    expect(dialog.textContent).toContain('Tính đi muộn sau giờ học (phút)');
    expect(dialog.textContent).toContain('Điểm danh sau giờ bắt đầu quá số phút này bị tính là đi muộn.');

    // Past what the API accepts: the form says so instead of sending it.
    type(byTestId<HTMLInputElement>('policy-autoAttentionChecks', dialog), '15');
    byTestId('policy-save', dialog)?.click();
    await harness.fixture.whenStable();
    backend.expectNone(POLICY_URL);
    type(byTestId<HTMLInputElement>('policy-autoAttentionChecks', dialog), '0');

    type(byTestId<HTMLInputElement>('policy-lateAfterMinutes', dialog), '5');
    byTestId('policy-save', dialog)?.click();
    const save = backend.expectOne(POLICY_URL);
    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual({ ...DEFAULT_ATTENDANCE_POLICY, lateAfterMinutes: 5 });
    save.flush({ ...DEFAULT_ATTENDANCE_POLICY, lateAfterMinutes: 5 });
    await harness.fixture.whenStable();

    expect(document.querySelector('th-policy-dialog')).toBeNull();
  });

  it('lets an auditor read the grid, the evidence and the rules without changing anything', async () => {
    await setUp();
    await open('auditor');

    expect(byTestId('grid-mark')).toBeNull();
    expect(byTestId('grid-select-all')).toBeNull();
    expect(byTestId('session-col-0')?.querySelector('a')).toBeNull();
    byTestId('cell-hocvien01-0')?.click();
    await harness.fixture.whenStable();
    expect(byTestId('cell-dialog', document)?.textContent).toContain('Có mặt');
    expect(byTestId('cell-mark', document)).toBeNull();
    expect(byTestId('cell-console', document)).toBeNull();
    document.querySelector<HTMLElement>('th-cell-dialog [mat-dialog-close]:last-child')?.click();
    await harness.fixture.whenStable();

    byTestId('grid-policy')?.click();
    await harness.fixture.whenStable();
    backend.expectOne(POLICY_URL).flush(DEFAULT_ATTENDANCE_POLICY);
    await harness.fixture.whenStable();
    const policy = document.querySelector<HTMLElement>('th-policy-dialog');
    expect(policy?.textContent).toContain('Chỉ cán bộ quản lý đào tạo được sửa quy định này.');
    expect(byTestId<HTMLInputElement>('policy-lateAfterMinutes', policy ?? document)?.disabled).toBe(true);
    expect(byTestId('policy-save', policy ?? document)).toBeNull();
  });

  it('shows one card per learner on a phone', async () => {
    await setUp(true);
    await open();

    expect(byTestId('attendance-grid')).toBeNull();
    const card = byTestId('grid-row-hocvien02');
    expect(card?.textContent).toContain('Tham dự 1 buổi · vắng 1 buổi');
    expect(card?.textContent).toContain('Sắp vượt số buổi được vắng');
    expect(byTestId('cell-hocvien02-1', card ?? page())?.textContent).toContain('Buổi 2');
    expect(byTestId('cell-hocvien02-1', card ?? page())?.textContent).toContain('Vắng có phép');
  });
});
