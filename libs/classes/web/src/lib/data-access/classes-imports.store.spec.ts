import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { EnrollmentImportResponse, ImportStatus } from '@thuchoc/classes/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { ClassImportsStore } from './classes-imports.store';
import { POLL_INTERVAL_MS } from './classes-polling';

const BASE = '/api/v1/classes/c1/imports';

function makeImport(overrides: Partial<EnrollmentImportResponse> = {}): EnrollmentImportResponse {
  return {
    id: 'i1',
    classId: 'c1',
    fileName: 'danh-sach.csv',
    status: ImportStatus.Queued,
    totalRows: 0,
    processedRows: 0,
    createdUsers: 0,
    enrolled: 0,
    waitlisted: 0,
    alreadyEnrolled: 0,
    errorCount: 0,
    errors: [],
    failure: null,
    createdAt: '2026-03-01T01:00:00Z',
    finishedAt: null,
    ...overrides,
  };
}

describe(ClassImportsStore.name, () => {
  let store: ClassImportsStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n(), ClassImportsStore],
    });
    store = TestBed.inject(ClassImportsStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  it('uploads the file as multipart field "file" and follows the import until it ends', () => {
    store.load('c1');
    backend.expectOne(BASE).flush([]);

    store.upload(new File(['x'], 'danh-sach.csv')).subscribe();
    const upload = backend.expectOne({ method: 'POST', url: BASE });
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    upload.flush(makeImport(), { status: 202, statusText: 'Accepted' });
    expect(store.current()?.status).toBe(ImportStatus.Queued);

    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    backend
      .expectOne(`${BASE}/i1`)
      .flush(makeImport({ status: ImportStatus.Running, totalRows: 4, processedRows: 2 }));
    expect(store.current()).toMatchObject({ status: ImportStatus.Running, processedRows: 2 });

    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    backend
      .expectOne(`${BASE}/i1`)
      .flush(makeImport({ status: ImportStatus.Completed, totalRows: 4, processedRows: 4, enrolled: 4 }));
    expect(store.imports().map((entry) => entry.status)).toEqual([ImportStatus.Completed]);

    jest.advanceTimersByTime(POLL_INTERVAL_MS * 4);
    backend.expectNone(`${BASE}/i1`);
  });

  it('keeps following an import still running when the tab opens again', () => {
    store.load('c1');
    backend
      .expectOne(BASE)
      .flush([makeImport({ status: ImportStatus.Running, totalRows: 10, processedRows: 3 })]);
    expect(store.current()?.processedRows).toBe(3);

    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    backend.expectOne(`${BASE}/i1`).flush(makeImport({ status: ImportStatus.Failed, failure: 'Thiếu cột' }));
    expect(store.current()?.status).toBe(ImportStatus.Failed);
  });
});
