import { CompletionPolicy, CourseAudience, GradingScheme } from '@thuchoc/courses/contracts';

/** draft → open → running → closed → archived; nothing else. */
export enum ClassStatus {
  Draft = 'draft',
  Open = 'open',
  Running = 'running',
  Closed = 'closed',
  Archived = 'archived',
}

/** The lifecycle's only legal steps. Opening may first need an approval (see OpeningApproval). */
export const CLASS_TRANSITIONS: Readonly<Record<ClassStatus, readonly ClassStatus[]>> = {
  [ClassStatus.Draft]: [ClassStatus.Open],
  [ClassStatus.Open]: [ClassStatus.Running],
  [ClassStatus.Running]: [ClassStatus.Closed],
  [ClassStatus.Closed]: [ClassStatus.Archived],
  [ClassStatus.Archived]: [],
};

export const canTransition = (from: ClassStatus, to: ClassStatus): boolean =>
  CLASS_TRANSITIONS[from].includes(to);

export enum SessionMode {
  OnlineLive = 'online-live',
  InPerson = 'in-person',
  SelfPaced = 'self-paced',
}

export interface ClassLecturer {
  userId: string;
  fullName: string;
}

/** The course's rules as they were when the class opened; later course edits never change them. */
export interface ClassPolicySnapshot {
  gradingScheme: GradingScheme;
  completionPolicy: CompletionPolicy;
  takenAt: string;
}

export interface ClassSummary {
  id: string;
  code: string;
  title: string;
  status: ClassStatus;
  courseId: string;
  courseTitle: string;
  audience: CourseAudience;
  /** The centre running the class; scope follows it. */
  ownerUnitId: string;
  ownerUnitName: string;
  /** Learners must belong to this unit's subtree. */
  targetUnitId: string;
  targetUnitName: string;
  capacity: number;
  minSize: number;
  /** The size planned when the class was created, kept for reports. */
  plannedSize: number;
  /** Active learners now. */
  activeCount: number;
  pendingCount: number;
  waitlistCount: number;
  /** Active learners at the moment the class opened; null before. */
  openedSize: number | null;
  enrollmentOpensAt: string | null;
  enrollmentClosesAt: string | null;
  startsOn: string | null;
  endsOn: string | null;
  isSelfEnrollmentAllowed: boolean;
  /** An opening request waiting for a parent unit's approval. */
  hasPendingApproval: boolean;
  lecturers: ClassLecturer[];
}

export interface ClassResponse extends ClassSummary {
  description: string;
  /** Null until the class opens. */
  policySnapshot: ClassPolicySnapshot | null;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
}

export interface CreateClassRequest {
  courseId: string;
  code: string;
  title: string;
  description?: string;
  /** Defaults to the caller's own unit; must lie in the caller's scope. */
  ownerUnitId?: string;
  targetUnitId: string;
  capacity: number;
  minSize: number;
  /** Defaults to capacity. */
  plannedSize?: number;
  enrollmentOpensAt?: string | null;
  enrollmentClosesAt?: string | null;
  isSelfEnrollmentAllowed?: boolean;
  lecturerIds?: string[];
}

export type UpdateClassRequest = Partial<Omit<CreateClassRequest, 'courseId' | 'code' | 'ownerUnitId'>>;

export interface ClassListQuery {
  q?: string;
  status?: ClassStatus;
  courseId?: string;
  page?: number;
  pageSize?: number;
}

/** Move the class one step along its lifecycle. */
export interface ClassTransitionRequest {
  to: ClassStatus;
  /** Required when opening needs approval (below minimum size, learners outside the target unit). */
  reason?: string;
}

export enum OpeningApprovalStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
}

/** Why opening this class needs a parent unit's approval. */
export enum OpeningException {
  BelowMinimumSize = 'below-minimum-size',
  LearnersOutsideTarget = 'learners-outside-target',
}

export interface OpeningApprovalResponse {
  id: string;
  classId: string;
  classCode: string;
  classTitle: string;
  ownerUnitName: string;
  status: OpeningApprovalStatus;
  exceptions: OpeningException[];
  activeCount: number;
  minSize: number;
  outsideTargetCount: number;
  requestedBy: { userId: string; fullName: string };
  requestReason: string;
  requestedAt: string;
  decidedBy: { userId: string; fullName: string } | null;
  decisionReason: string | null;
  decidedAt: string | null;
}

export interface DecideOpeningApprovalRequest {
  isApproved: boolean;
  reason: string;
}

/**
 * What `POST /classes/:id/transitions` answers: the class as it now is, and,
 * when opening needed approval, the request that now waits for it.
 */
export interface ClassTransitionResponse {
  class: ClassResponse;
  approval: OpeningApprovalResponse | null;
}

export interface ClassSessionResponse {
  id: string;
  classId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  mode: SessionMode;
  /** Room for in-person sessions. */
  room: string | null;
  /** Meeting link for online-live sessions. */
  meetingUrl: string | null;
  lecturerId: string | null;
  lecturerName: string | null;
}

export interface CreateSessionRequest {
  title: string;
  startsAt: string;
  endsAt: string;
  mode: SessionMode;
  room?: string | null;
  meetingUrl?: string | null;
  lecturerId?: string | null;
}

export type UpdateSessionRequest = Partial<CreateSessionRequest>;

/** A learner's or lecturer's view of a session across classes (`GET /me/sessions`). */
export interface MySessionResponse extends ClassSessionResponse {
  classCode: string;
  classTitle: string;
}

export interface CalendarFeedResponse {
  /** Path of the iCal feed under the API's origin; the token in it is the only credential. */
  path: string;
  /** The same feed as an absolute URL, to paste into a calendar app. */
  url: string;
}

/** Time-on-task on a self-paced lesson, counted from heartbeats like live presence. */
export interface LessonHeartbeatResponse {
  /** The learner's verified seconds on this lesson so far. */
  seconds: number;
}
