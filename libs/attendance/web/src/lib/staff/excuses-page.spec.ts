import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ExcuseResponse, ExcuseStatus } from '@thuchoc/attendance/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons, uiTranslations } from '@thuchoc/shared/web-ui';
import { auditorAttendanceRoutes, centreAttendanceRoutes } from '../attendance.routes';
import { attendanceTranslations } from '../attendance.translations';
import { makeExcuse } from '../testing/attendance-factories';
import { ExcusesPage } from './excuses-page';

const EXCUSES_URL = '/api/v1/attendance/excuses';

function pageOf(items: ExcuseResponse[]): Page<ExcuseResponse> {
  return { items, total: items.length, page: 1, pageSize: 20 };
}

const WITH_ATTACHMENT = makeExcuse({
  attachment: {
    fileName: 'giay-moi-hop.pdf',
    sizeBytes: 120_000,
    contentType: 'application/pdf',
    downloadPath: '/attendance/excuses/x1/attachment',
  },
});

describe(ExcusesPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string, root: ParentNode = page()) =>
    root.querySelector<T>(`[data-testid="${id}"]`);

  async function open(url: string, items = [WITH_ATTACHMENT]): Promise<void> {
    await harness.navigateByUrl(url, ExcusesPage);
    await harness.fixture.whenStable();
    backend.expectOne((request) => request.url === EXCUSES_URL).flush(pageOf(items));
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

  it('lists the waiting excuses first, of one class when opened from its grid', async () => {
    await harness.navigateByUrl('/centre/excuses?classId=c1', ExcusesPage);
    await harness.fixture.whenStable();
    const request = backend.expectOne((candidate) => candidate.url === EXCUSES_URL);
    expect(request.request.params.get('status')).toBe('pending');
    expect(request.request.params.get('classId')).toBe('c1');
    request.flush(pageOf([WITH_ATTACHMENT]));
    await harness.fixture.whenStable();

    const card = byTestId('excuse-card');
    expect(card?.textContent).toContain('Nguyễn Văn An');
    expect(card?.textContent).toContain('Lớp DNM-2026-01');
    expect(card?.textContent).toContain('Đi công tác theo quyết định của cơ quan');
    expect(card?.textContent).toContain('Chờ duyệt');
  });

  it('approves an excuse with a required reason', async () => {
    await open('/centre/excuses');

    byTestId('excuse-approve')?.click();
    await harness.fixture.whenStable();
    const dialog = document.querySelector<HTMLElement>('th-reason-dialog');
    if (dialog === null) throw new Error('no reason dialog');
    expect(byTestId('reason-dialog-message', dialog)?.textContent).toContain('Nguyễn Văn An (hocvien01)');
    byTestId('reason-submit', dialog)?.click();
    await harness.fixture.whenStable();
    expect(dialog.textContent).toContain('Vui lòng nhập thông tin này.');

    const reason = byTestId<HTMLTextAreaElement>('reason-input', dialog);
    if (reason === null) throw new Error('no reason');
    reason.value = 'Có quyết định cử đi công tác';
    reason.dispatchEvent(new Event('input'));
    byTestId('reason-submit', dialog)?.click();
    const decision = backend.expectOne(`${EXCUSES_URL}/x1/decision`);
    expect(decision.request.body).toEqual({ decision: 'approved', reason: 'Có quyết định cử đi công tác' });
    decision.flush({ ...WITH_ATTACHMENT, status: ExcuseStatus.Approved, decidedByName: 'Lê Thị Quản' });
    await harness.fixture.whenStable();

    expect(byTestId('excuse-card-status')?.textContent).toContain('Đã chấp thuận');
    expect(byTestId('excuse-approve')).toBeNull();
  });

  it('downloads the supporting document with the bearer-carrying client', async () => {
    const createObjectURL = jest.fn(() => 'blob:excuse');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await open('/centre/excuses');

    byTestId('excuse-attachment')?.click();
    backend.expectOne(`${EXCUSES_URL}/x1/attachment`).flush(new Blob(['%PDF']));
    await harness.fixture.whenStable();

    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('giay-moi-hop.pdf');
    click.mockRestore();
  });

  it('shows an auditor the queue without the decisions', async () => {
    await open('/auditor/excuses');

    expect(byTestId('excuse-card')).not.toBeNull();
    expect(byTestId('excuse-approve')).toBeNull();
    expect(byTestId('excuse-reject')).toBeNull();
    expect(byTestId('excuse-attachment')).not.toBeNull();
  });
});
