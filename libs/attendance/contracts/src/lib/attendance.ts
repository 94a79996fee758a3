/** Queue carrying attendance jobs: session finalisation, presence flushes, absence warnings. */
export const ATTENDANCE_QUEUE = 'attendance';

export enum AttendanceEventType {
  /** A session was closed (by its lecturer or by the clock); a job finalises its attendance. */
  SessionClosed = 'attendance.session-closed',
  /** A finalisation changed learners' absence counts; a job sends the warnings that are due. */
  AbsencesChanged = 'attendance.absences-changed',
}

export interface SessionClosedPayload {
  sessionId: string;
}

export interface AbsencesChangedPayload {
  classId: string;
  userIds: string[];
}

/** scheduled → live (lecturer opens it) → closed (lecturer, or end + grace) → finalised (a job). */
export enum SessionStatus {
  Scheduled = 'scheduled',
  Live = 'live',
  Closed = 'closed',
  Finalised = 'finalised',
}

export enum AttendanceStatus {
  Present = 'present',
  Late = 'late',
  /** Checked in, but verified presence or attention checks fall short of the policy. */
  Partial = 'partial',
  Absent = 'absent',
  Excused = 'excused',
}

export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = Object.values(AttendanceStatus);

export enum CheckInMethod {
  /** The learner typed the rotating code. */
  Code = 'code',
  /** The learner scanned the QR code, which carries the code. */
  Qr = 'qr',
  /** Marked by a lecturer or centre staff, with a reason. */
  Manual = 'manual',
}

/** Per-class attendance rules. Minutes are relative to the session's scheduled start. */
export interface AttendancePolicy {
  /** Check-in opens this many minutes before the start (N). */
  checkInOpensMinutesBefore: number;
  /** A check-in this many minutes after the start is late (M). */
  lateAfterMinutes: number;
  /** Check-in closes this many minutes after the start (K). */
  checkInClosesAfterMinutes: number;
  /** Verified presence needed for "present" in a live online session, percent of live time. */
  minSessionPresencePercent: number;
  /** Attention checks that must be answered for "present", percent of those received. */
  minAttentionPercent: number;
  /** Attention checks the session fires by itself at random times while live. */
  autoAttentionChecks: number;
  /** A live session still open this many minutes after its scheduled end is closed automatically. */
  closeGraceMinutes: number;
  /** Excuses are accepted until this many days after the session ends. */
  excuseDaysAfter: number;
  /** This many accounts checking in from one IP address raise a flag (offices share NAT, so no refusal). */
  sharedIpThreshold: number;
}

export const DEFAULT_ATTENDANCE_POLICY: AttendancePolicy = {
  checkInOpensMinutesBefore: 15,
  lateAfterMinutes: 10,
  checkInClosesAfterMinutes: 45,
  minSessionPresencePercent: 70,
  minAttentionPercent: 50,
  autoAttentionChecks: 0,
  closeGraceMinutes: 15,
  excuseDaysAfter: 3,
  sharedIpThreshold: 8,
};

/** Heartbeats are expected every 15–30 s; a longer gap is not counted as presence. */
export const HEARTBEAT_INTERVAL_SECONDS = 20;
export const HEARTBEAT_MAX_GAP_SECONDS = 45;
/** The page stops beating after this long without keyboard, mouse or touch input. */
export const IDLE_CUTOFF_SECONDS = 300;
/** Learners who beat within this window count as present on the live roster. */
export const PRESENT_WINDOW_SECONDS = 60;
/** An attention check must be answered within this many seconds. */
export const ATTENTION_CHECK_SECONDS = 60;
/** One manual action marking at least this many learners raises a flag. */
export const BULK_MARK_FLAG_THRESHOLD = 10;
/** Manual marking later than this after the session's end raises a flag. */
export const LATE_MARK_FLAG_HOURS = 24;

/** A class session as attendance sees it. */
export interface AttendanceSession {
  id: string;
  classId: string;
  classCode: string;
  classTitle: string;
  title: string;
  mode: 'online-live' | 'in-person' | 'self-paced';
  startsAt: string;
  endsAt: string;
  room: string | null;
  meetingUrl: string | null;
  status: SessionStatus;
  openedAt: string | null;
  closedAt: string | null;
  finalisedAt: string | null;
  /** Check-in window and late threshold, from the class policy. */
  checkInOpensAt: string;
  lateAfter: string;
  checkInClosesAt: string;
  policy: AttendancePolicy;
}

/** The rotating check-in code the lecturer shows (and its QR form). */
export interface CheckInCode {
  code: string;
  /** The learner's check-in page with the code, which the QR code encodes. */
  checkInUrl: string;
  /** The QR code as an SVG document. */
  qrSvg: string;
  /** When this code stops being shown (it stays accepted for the tolerance after). */
  rotatesAt: string;
  stepSeconds: number;
}

export interface CheckInRequest {
  code: string;
  /** `qr` when the learner arrived through the QR link. */
  method?: CheckInMethod.Code | CheckInMethod.Qr;
}

/** What a check-in, a heartbeat, the grid and the history show as proof. */
export interface AttendanceEvidence {
  checkedInAt: string | null;
  checkInMethod: CheckInMethod | null;
  /** Short fingerprint of the device key that checked in. */
  device: string | null;
  isLate: boolean;
  presenceSeconds: number;
  /** Seconds the session was live (the presence cap). */
  liveSeconds: number;
  /** presence / live time, percent; null when the session was never live. */
  presencePercent: number | null;
  checksAnswered: number;
  checksMissed: number;
}

export interface AttendanceRecordResponse {
  sessionId: string;
  userId: string;
  /** Null until the session is finalised or someone marks it. */
  status: AttendanceStatus | null;
  evidence: AttendanceEvidence;
  /** Set when marked by hand: who and why. */
  markedByName: string | null;
  reason: string | null;
  finalisedAt: string | null;
}

export interface CheckInResponse {
  /** False when this learner had already checked in: the first check-in stands. */
  isNew: boolean;
  record: AttendanceRecordResponse;
}

export interface PendingAttentionCheck {
  id: string;
  /** The short code the learner must type back. */
  code: string;
  expiresAt: string;
}

export interface HeartbeatResponse {
  presenceSeconds: number;
  /** An attention check waiting for this learner's answer, if any (a fallback for the live push). */
  pendingCheck: PendingAttentionCheck | null;
  sessionStatus: SessionStatus;
}

export interface AttentionAnswerRequest {
  code: string;
}

export interface AttentionAnswerResponse {
  isCorrect: boolean;
  answeredAt: string | null;
}

/** Events pushed to a learner's live-session page (server-sent events). */
export type LiveSessionEvent =
  | { type: 'attention-check'; check: PendingAttentionCheck }
  | { type: 'session-status'; status: SessionStatus };

/** The learner's view of one session. */
export interface MySessionView {
  session: AttendanceSession;
  record: AttendanceRecordResponse | null;
  pendingCheck: PendingAttentionCheck | null;
  excuse: ExcuseResponse | null;
  /** Whether check-in is possible right now, and if not, why (an error code). */
  canCheckIn: boolean;
  checkInRefusal: string | null;
  canRequestExcuse: boolean;
}

export type LiveLearnerState = 'present' | 'left' | 'not-joined';

export interface LiveRosterEntry {
  userId: string;
  fullName: string;
  username: string;
  state: LiveLearnerState;
  lastSeenAt: string | null;
  presenceSeconds: number;
  checkedInAt: string | null;
  checkInMethod: CheckInMethod | null;
  isLate: boolean;
  checksAnswered: number;
  checksPending: number;
}

export interface AttentionCheckSummary {
  id: string;
  firedAt: string;
  expiresAt: string;
  isAutomatic: boolean;
  recipients: number;
  answered: number;
}

export interface LiveRoster {
  session: AttendanceSession;
  enrolledCount: number;
  checkedInCount: number;
  presentCount: number;
  learners: LiveRosterEntry[];
  attentionChecks: AttentionCheckSummary[];
}

export interface ManualMarkRequest {
  userIds: string[];
  status: AttendanceStatus;
  reason: string;
}

export interface ManualMarkResponse {
  marked: number;
  /** Flags raised by this action (late marking, many learners at once). */
  flagsRaised: number;
}

export enum ExcuseStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
}

export interface ExcuseResponse {
  id: string;
  sessionId: string;
  sessionTitle: string;
  sessionStartsAt: string;
  classId: string;
  classCode: string;
  userId: string;
  fullName: string;
  username: string;
  reason: string;
  status: ExcuseStatus;
  attachment: { fileName: string; sizeBytes: number; contentType: string; downloadPath: string } | null;
  submittedAt: string;
  decidedByName: string | null;
  decisionReason: string | null;
  decidedAt: string | null;
}

export const EXCUSE_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const EXCUSE_ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export interface ExcuseDecisionRequest {
  decision: ExcuseStatus.Approved | ExcuseStatus.Rejected;
  reason: string;
}

export interface ExcuseListQuery {
  status?: ExcuseStatus;
  classId?: string;
  page?: number;
  pageSize?: number;
}

/** One cell of the attendance grid: a learner in a session. */
export interface AttendanceCell {
  sessionId: string;
  status: AttendanceStatus | null;
  evidence: AttendanceEvidence;
  isManual: boolean;
  reason: string | null;
}

export interface AttendanceGridRow {
  userId: string;
  fullName: string;
  username: string;
  unitName: string;
  cells: AttendanceCell[];
  /** Finalised sessions attended (present, late or partial) or excused, over finalised sessions. */
  attendedCount: number;
  absentCount: number;
  attendancePercent: number | null;
  presencePercent: number | null;
  /** `near`: one more absence breaks the completion rule; `crossed`: it is broken. */
  warning: 'near' | 'crossed' | null;
}

export interface AttendanceGridSession {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  mode: AttendanceSession['mode'];
  status: SessionStatus;
}

export interface AttendanceGrid {
  classId: string;
  sessions: AttendanceGridSession[];
  rows: AttendanceGridRow[];
  /** Absences a learner may have before the completion rule is broken. */
  allowedAbsences: number;
  openFlags: number;
  pendingExcuses: number;
}

/** The learner's attendance history in one class. */
export interface MyAttendanceHistory {
  classId: string;
  classTitle: string;
  sessions: (AttendanceGridSession & {
    record: AttendanceRecordResponse | null;
    excuse: ExcuseResponse | null;
  })[];
  attendedCount: number;
  absentCount: number;
  allowedAbsences: number;
  warning: 'near' | 'crossed' | null;
}

/** Attendance events on a class's integrity-ledger chain (`class:<id>`). */
export enum AttendanceLedgerType {
  SessionOpened = 'session.opened',
  SessionClosed = 'session.closed',
  SessionFinalised = 'session.finalised',
  /** A learner's status and evidence, as finalisation set them. */
  Recorded = 'attendance.recorded',
  Marked = 'attendance.marked',
  ExcuseSubmitted = 'excuse.submitted',
  ExcuseDecided = 'excuse.decided',
  PolicyChanged = 'attendance.policy-changed',
  FlagRaised = 'integrity-flag.raised',
  FlagResolved = 'integrity-flag.resolved',
}
