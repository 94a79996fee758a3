export enum ImportStatus {
  Queued = 'queued',
  Running = 'running',
  Completed = 'completed',
  Failed = 'failed',
}

/** Why a row of an enrollment file was not taken. Messages are translated by code. */
export enum ImportRowError {
  MissingIdentifier = 'missing-identifier',
  InvalidEmail = 'invalid-email',
  InvalidUsername = 'invalid-username',
  MissingFullName = 'missing-full-name',
  UnknownUnit = 'unknown-unit',
  UnitOutsideTarget = 'unit-outside-target',
  InvalidPhone = 'invalid-phone',
  DuplicateInFile = 'duplicate-in-file',
  UserInactive = 'user-inactive',
  IdentifierConflict = 'identifier-conflict',
  /** The account exists but is not a learner (staff, lecturer…). */
  NotALearner = 'not-a-learner',
}

export interface ImportRowProblem {
  /** Line in the file as a spreadsheet shows it (header is row 1). */
  row: number;
  error: ImportRowError;
  /** The offending value, as read. */
  value: string | null;
  /** The row's username or e-mail and name, so the person can be found in the file. */
  identifier: string | null;
  fullName: string | null;
  /** Vietnamese explanation (the web translates by `error`). */
  message: string;
}

export interface EnrollmentImportResponse {
  id: string;
  classId: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  createdUsers: number;
  enrolled: number;
  waitlisted: number;
  /** Rows whose learner was already in the class: re-running a file changes nothing. */
  alreadyEnrolled: number;
  errorCount: number;
  /** The first problems, for display; the full list is in the error report. */
  errors: ImportRowProblem[];
  /** Whole-file problem (unreadable file, missing columns), when status is failed. */
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/**
 * New accounts made by an import get a one-time activation link (no password
 * is ever generated or stored); staff print the sheet and hand it out.
 */
export interface ActivationSheetRow {
  fullName: string;
  username: string;
  unitName: string;
  activationUrl: string;
}

export const IMPORT_MAX_BYTES = 15 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 60_000;
