import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { IntegrityFlagKind, IntegrityFlagResponse, IntegrityFlagStatus } from '@thuchoc/integrity/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons, uiTranslations } from '@thuchoc/shared/web-ui';
import { auditorAttendanceRoutes, centreAttendanceRoutes } from '../attendance.routes';
import { attendanceTranslations } from '../attendance.translations';
import { makeFlag } from '../testing/attendance-factories';
import { problem } from '../testing/http-testing';
import { FlagsPage } from './flags-page';

const FLAGS_URL = '/api/v1/integrity-flags';

const FLAGS: IntegrityFlagResponse[] = [
  makeFlag(),
  makeFlag({
    id: 'f2',
    kind: IntegrityFlagKind.BulkManualMark,
    users: [],
    details: { marked: 12 },
    raisedByName: 'Lê Văn Giảng',
  }),
  makeFlag({ id: 'f3', kind: 'future-kind', details: {} }),
];

describe(FlagsPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const cards = () => Array.from(page().querySelectorAll<HTMLElement>('[data-testid="flag-card"]'));
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string, root: ParentNode = page()) =>
    root.querySelector<T>(`[data-testid="${id}"]`);

  async function open(area: 'centre' | 'auditor' = 'centre'): Promise<void> {
    await harness.navigateByUrl(`/${area}/flags`, FlagsPage);
    await harness.fixture.whenStable();
    const request = backend.expectOne((candidate) => candidate.url === FLAGS_URL);
    expect(request.request.params.get('status')).toBe('open');
    request.flush({ items: FLAGS, total: FLAGS.length, page: 1, pageSize: 20 });
    await harness.fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
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
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => backend.verify());

  it('names each kind of flag in plain Vietnamese with the learners and facts behind it', async () => {
    await open();

    const [device, bulk, unknown] = cards();
    expect(byTestId('flag-kind', device)?.textContent).toContain(
      'Hai tài khoản điểm danh trên cùng một thiết bị',
    );
    expect(device.textContent).toContain('Trần Thị Đào');
    expect(device.textContent).toContain('Thiết bị');
    expect(device.textContent).toContain('a1b2c3');
    expect(byTestId('flag-kind', bulk)?.textContent).toContain(
      'Một thao tác điểm danh thủ công cho nhiều học viên',
    );
    expect(bulk.textContent).toContain('Số học viên được điểm danh');
    expect(bulk.textContent).toContain('Do thao tác của Lê Văn Giảng');
    expect(byTestId('flag-kind', unknown)?.textContent).toContain('Cảnh báo khác (future-kind)');
  });

  it('resolves a flag with a reason and shows the resolution', async () => {
    await open();

    byTestId('flag-resolve', cards()[0])?.click();
    await harness.fixture.whenStable();
    const dialog = document.querySelector<HTMLElement>('th-reason-dialog');
    if (dialog === null) throw new Error('no reason dialog');
    const reason = byTestId<HTMLTextAreaElement>('reason-input', dialog);
    if (reason === null) throw new Error('no reason');
    reason.value = 'Hai anh em ruột dùng chung điện thoại, đã xác minh trực tiếp';
    reason.dispatchEvent(new Event('input'));
    byTestId('reason-submit', dialog)?.click();
    const resolution = backend.expectOne(`${FLAGS_URL}/f1/resolution`);
    expect(resolution.request.body).toEqual({
      reason: 'Hai anh em ruột dùng chung điện thoại, đã xác minh trực tiếp',
    });
    resolution.flush(
      makeFlag({
        status: IntegrityFlagStatus.Resolved,
        resolvedByName: 'Lê Thị Quản',
        resolvedAt: '2026-03-03T02:00:00Z',
        resolutionReason: 'Hai anh em ruột dùng chung điện thoại, đã xác minh trực tiếp',
      }),
    );
    await harness.fixture.whenStable();

    expect(byTestId('flag-resolution', cards()[0])?.textContent).toContain(
      'Lê Thị Quản xử lý lúc 03/03/2026 09:00',
    );
    expect(byTestId('flag-resolve', cards()[0])).toBeNull();
  });

  it('keeps the dialog open with the reason when the flag was resolved meanwhile', async () => {
    await open();

    byTestId('flag-resolve', cards()[0])?.click();
    await harness.fixture.whenStable();
    const dialog = document.querySelector<HTMLElement>('th-reason-dialog');
    if (dialog === null) throw new Error('no reason dialog');
    const reason = byTestId<HTMLTextAreaElement>('reason-input', dialog);
    if (reason === null) throw new Error('no reason');
    reason.value = 'Đã xác minh';
    reason.dispatchEvent(new Event('input'));
    byTestId('reason-submit', dialog)?.click();
    backend.expectOne(`${FLAGS_URL}/f1/resolution`).flush(...problem(409, 'integrity-flag.resolved'));
    await harness.fixture.whenStable();

    expect(dialog.querySelector('[role="alert"]')?.textContent).toContain('Cảnh báo này đã được xử lý.');
  });

  it('lets an auditor read the flags without resolving them', async () => {
    await open('auditor');

    expect(cards()).toHaveLength(3);
    expect(byTestId('flag-resolve')).toBeNull();
  });
});
