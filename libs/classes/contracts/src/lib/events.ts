import { ChainVerification } from '@thuchoc/integrity/contracts';

/** Queue carrying class and enrollment jobs (imports, notifications of enrollment changes). */
export const CLASSES_QUEUE = 'classes';

export enum ClassesEventType {
  ImportRequested = 'classes.import-requested',
  /** Learners got a place (enrolled, approved or promoted from the waitlist). */
  EnrollmentsActivated = 'classes.enrollments-activated',
  ApprovalRequested = 'classes.opening-approval-requested',
}

export interface ImportRequestedPayload {
  importId: string;
}

export interface EnrollmentsActivatedPayload {
  classId: string;
  classTitle: string;
  userIds: string[];
  /** How they got the place, for the notification text. */
  via: 'enrolled' | 'approved' | 'promoted';
}

/** Ledger entry types recorded on a class's chain (`class:<id>`). */
export enum ClassLedgerType {
  ClassCreated = 'class.created',
  OpeningRequested = 'class.opening-requested',
  OpeningApproved = 'class.opening-approved',
  OpeningRejected = 'class.opening-rejected',
  PolicySnapshot = 'class.policy-snapshot',
  ClassOpened = 'class.opened',
  ClassRunning = 'class.running',
  ClassClosed = 'class.closed',
  ClassArchived = 'class.archived',
  EnrollmentAdded = 'enrollment.added',
  EnrollmentRequested = 'enrollment.requested',
  EnrollmentApproved = 'enrollment.approved',
  EnrollmentRejected = 'enrollment.rejected',
  EnrollmentWithdrawn = 'enrollment.withdrawn',
  EnrollmentPromoted = 'enrollment.promoted',
}

export const classChain = (classId: string) => `class:${classId}`;

/** A class history entry as the history page shows it. */
export interface ClassHistoryEntry {
  id: string;
  type: ClassLedgerType | string;
  recordedAt: string;
  actorId: string | null;
  actorName: string | null;
  reason: string | null;
  /** Names of the learners the entry is about (the first few, for a grouped entry). */
  subjectNames: string[];
  /**
   * How many learners the entry covers. Enrollments added by one import are
   * shown as one grouped entry; the ledger still holds one entry per learner.
   */
  subjectCount: number;
  payload: Record<string, unknown>;
  seq: number | null;
}

export enum VerificationStatus {
  Queued = 'queued',
  Completed = 'completed',
}

/** A verifier run over a class's chain, done by a job. */
export interface ClassVerificationResponse {
  id: string;
  status: VerificationStatus;
  requestedAt: string;
  result: ChainVerification | null;
}
