import { EnrollmentImportResponse, ImportStatus } from '@thuchoc/classes/contracts';

/** What the progress bar of an import shows. */
export interface ImportProgress {
  /** 0–100, whole numbers. */
  percent: number;
  /** Queued, or running before the file's rows are counted: no share to show yet. */
  isIndeterminate: boolean;
  isInProgress: boolean;
}

/** A queued or running import is still worth asking about. */
export function isImportInProgress(entry: Pick<EnrollmentImportResponse, 'status'>): boolean {
  return entry.status === ImportStatus.Queued || entry.status === ImportStatus.Running;
}

export function importProgress(
  entry: Pick<EnrollmentImportResponse, 'status' | 'processedRows' | 'totalRows'>,
): ImportProgress {
  const isInProgress = isImportInProgress(entry);
  if (entry.status === ImportStatus.Completed) return { percent: 100, isIndeterminate: false, isInProgress };
  if (entry.totalRows <= 0) return { percent: 0, isIndeterminate: isInProgress, isInProgress };
  const share = Math.floor((entry.processedRows / entry.totalRows) * 100);
  return { percent: Math.min(100, Math.max(0, share)), isIndeterminate: false, isInProgress };
}
