import { CourseModuleResponse } from '@thuchoc/courses/contracts';
import { ClassResponse, ClassSessionResponse, ClassStatus, ClassSummary } from './classes';

export enum EnrollmentStatus {
  Pending = 'pending',
  Active = 'active',
  Waitlisted = 'waitlisted',
  Rejected = 'rejected',
  Withdrawn = 'withdrawn',
  Completed = 'completed',
  Failed = 'failed',
}

export interface EnrollmentResponse {
  id: string;
  classId: string;
  userId: string;
  username: string;
  fullName: string;
  unitName: string;
  position: string | null;
  status: EnrollmentStatus;
  /** The learner's unit is not in the class's target subtree (allowed by staff, needs opening approval). */
  isOutsideTarget: boolean;
  /** 1-based place in the waitlist; null unless waitlisted. */
  waitlistPosition: number | null;
  requestedAt: string;
  decidedAt: string | null;
  reason: string | null;
}

export interface RosterQuery {
  status?: EnrollmentStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** Staff enroll one learner; a full class puts them on the waitlist. */
export interface EnrollLearnerRequest {
  userId: string;
  /** Enroll a learner whose unit lies outside the target subtree; opening then needs approval. */
  allowOutsideTarget?: boolean;
  reason?: string;
}

export interface DecideEnrollmentRequest {
  isApproved: boolean;
  reason?: string;
}

export interface WithdrawEnrollmentRequest {
  reason: string;
}

/** A learner's own classes (`GET /me/classes`). */
export interface MyClassResponse {
  enrollmentId: string;
  enrollmentStatus: EnrollmentStatus;
  waitlistPosition: number | null;
  classId: string;
  classCode: string;
  classTitle: string;
  courseTitle: string;
  status: ClassStatus;
  ownerUnitName: string;
  startsOn: string | null;
  endsOn: string | null;
  nextSessionAt: string | null;
}

/** A learner's class page: the class, its schedule and its lessons. */
export interface MyClassDetailResponse {
  class: ClassResponse;
  enrollment: MyClassResponse;
  sessions: ClassSessionResponse[];
  /** The course's modules and lessons; attachment download paths point under `/me/classes/:id`. */
  modules: CourseModuleResponse[];
}

/** A lecturer's class: schedule and roster (`GET /me/teaching/:id`). */
export interface TeachingClassResponse {
  class: ClassResponse;
  sessions: ClassSessionResponse[];
  roster: EnrollmentResponse[];
}

/** A class a learner may ask to join (`GET /me/open-classes`). */
export type OpenClassResponse = ClassSummary;
