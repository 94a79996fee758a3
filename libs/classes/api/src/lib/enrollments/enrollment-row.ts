import { EnrollmentResponse, EnrollmentStatus } from '@thuchoc/classes/contracts';

export interface EnrollmentRow {
  id: string;
  class_id: string;
  user_id: string;
  username: string;
  full_name: string;
  unit_name: string;
  position: string | null;
  status: EnrollmentStatus;
  is_outside_target: boolean;
  waitlist_position: number | null;
  requested_at: Date;
  decided_at: Date | null;
  reason: string | null;
}

/** 1-based place of enrollment `e` on its class's waitlist (by waiting time), or null when not waitlisted. */
export const WAITLIST_POSITION = `CASE WHEN e.status = 'waitlisted' THEN (
  SELECT count(*)::int FROM enrollments w
   WHERE w.class_id = e.class_id AND w.status = 'waitlisted'
     AND (w.waitlisted_at, w.id) <= (e.waitlisted_at, e.id)) END`;

/** Enrollments with the learner and their waitlist place (1-based, by waiting time). */
export const ENROLLMENT_SELECT = `
  SELECT e.id, e.class_id, e.user_id, u.username, u.full_name, o.name AS unit_name, u.position, e.status,
         e.is_outside_target,
         ${WAITLIST_POSITION} AS waitlist_position,
         e.requested_at, e.decided_at, e.reason
    FROM enrollments e
    JOIN users u ON u.id = e.user_id
    JOIN org_units o ON o.id = u.org_unit_id`;

export function toEnrollmentResponse(row: EnrollmentRow): EnrollmentResponse {
  return {
    id: row.id,
    classId: row.class_id,
    userId: row.user_id,
    username: row.username,
    fullName: row.full_name,
    unitName: row.unit_name,
    position: row.position,
    status: row.status,
    isOutsideTarget: row.is_outside_target,
    waitlistPosition: row.waitlist_position,
    requestedAt: row.requested_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    reason: row.reason,
  };
}
