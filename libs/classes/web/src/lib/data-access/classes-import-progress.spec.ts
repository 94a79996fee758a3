import { EnrollmentImportResponse, ImportStatus } from '@thuchoc/classes/contracts';
import { importProgress, isImportInProgress } from './classes-import-progress';

type Counts = Pick<EnrollmentImportResponse, 'status' | 'processedRows' | 'totalRows'>;

function makeImport(overrides: Partial<Counts> = {}): Counts {
  return { status: ImportStatus.Running, processedRows: 0, totalRows: 0, ...overrides };
}

describe('importProgress', () => {
  it('has no share to show while queued or before the rows are counted', () => {
    expect(importProgress(makeImport({ status: ImportStatus.Queued }))).toEqual({
      percent: 0,
      isIndeterminate: true,
      isInProgress: true,
    });
    expect(importProgress(makeImport()).isIndeterminate).toBe(true);
  });

  it('shows the processed share of the rows, rounded down', () => {
    expect(importProgress(makeImport({ processedRows: 1234, totalRows: 5000 }))).toEqual({
      percent: 24,
      isIndeterminate: false,
      isInProgress: true,
    });
    expect(importProgress(makeImport({ processedRows: 2, totalRows: 3 })).percent).toBe(66);
  });

  it('never leaves 0–100, and is full once completed', () => {
    expect(importProgress(makeImport({ processedRows: 12, totalRows: 10 })).percent).toBe(100);
    expect(
      importProgress(makeImport({ status: ImportStatus.Completed, processedRows: 0, totalRows: 0 })),
    ).toEqual({ percent: 100, isIndeterminate: false, isInProgress: false });
  });

  it('stops at the share reached when the import failed', () => {
    expect(
      importProgress(makeImport({ status: ImportStatus.Failed, processedRows: 50, totalRows: 200 })),
    ).toEqual({ percent: 25, isIndeterminate: false, isInProgress: false });
    expect(importProgress(makeImport({ status: ImportStatus.Failed })).isIndeterminate).toBe(false);
  });
});

describe('isImportInProgress', () => {
  it('is true only while queued or running', () => {
    expect(Object.values(ImportStatus).filter((status) => isImportInProgress({ status }))).toEqual([
      ImportStatus.Queued,
      ImportStatus.Running,
    ]);
  });
});
