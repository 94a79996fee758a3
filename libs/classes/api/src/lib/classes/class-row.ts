import {
  ClassLecturer,
  ClassPolicySnapshot,
  ClassResponse,
  ClassStatus,
  ClassSummary,
} from '@thuchoc/classes/contracts';
import { CourseAudience } from '@thuchoc/courses/contracts';

/** A class with what its pages show, as one query returns it. */
export interface ClassRow {
  id: string;
  code: string;
  title: string;
  description: string;
  status: ClassStatus;
  course_id: string;
  course_title: string;
  audience: CourseAudience;
  owner_unit_id: string;
  owner_unit_name: string;
  target_unit_id: string;
  target_unit_name: string;
  target_path: string;
  capacity: number;
  min_size: number;
  planned_size: number;
  opened_size: number | null;
  active_count: number;
  pending_count: number;
  waitlist_count: number;
  enrollment_opens_at: Date | null;
  enrollment_closes_at: Date | null;
  starts_on: string | null;
  ends_on: string | null;
  is_self_enrollment_allowed: boolean;
  has_pending_approval: boolean;
  lecturers: ClassLecturer[];
  policy_snapshot: ClassPolicySnapshot | null;
  created_at: Date;
  opened_at: Date | null;
  closed_at: Date | null;
}

/**
 * Every class query selects through this: counts come from one lateral
 * aggregate, the first and last session day in Vietnam time.
 */
export const CLASS_SELECT = `
  SELECT c.id, c.code, c.title, c.description, c.status, c.course_id, co.title AS course_title, co.audience,
         c.owner_unit_id, ou.name AS owner_unit_name, c.target_unit_id, tu.name AS target_unit_name,
         tu.path AS target_path, c.capacity, c.min_size, c.planned_size, c.opened_size,
         n.active_count, n.pending_count, n.waitlist_count,
         c.enrollment_opens_at, c.enrollment_closes_at,
         to_char(s.first_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS starts_on,
         to_char(s.last_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS ends_on,
         c.is_self_enrollment_allowed,
         EXISTS (SELECT 1 FROM opening_approvals a WHERE a.class_id = c.id AND a.status = 'pending')
           AS has_pending_approval,
         COALESCE((SELECT json_agg(json_build_object('userId', u.id, 'fullName', u.full_name) ORDER BY u.full_name)
                     FROM class_lecturers l JOIN users u ON u.id = l.user_id WHERE l.class_id = c.id), '[]')
           AS lecturers,
         c.policy_snapshot, c.created_at, c.opened_at, c.closed_at
    FROM classes c
    JOIN courses co ON co.id = c.course_id
    JOIN org_units ou ON ou.id = c.owner_unit_id
    JOIN org_units tu ON tu.id = c.target_unit_id
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE e.status = 'active')::int AS active_count,
             count(*) FILTER (WHERE e.status = 'pending')::int AS pending_count,
             count(*) FILTER (WHERE e.status = 'waitlisted')::int AS waitlist_count
        FROM enrollments e WHERE e.class_id = c.id
    ) n ON true
    LEFT JOIN LATERAL (
      SELECT min(cs.starts_at) AS first_at, max(cs.ends_at) AS last_at FROM class_sessions cs WHERE cs.class_id = c.id
    ) s ON true`;

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toClassSummary(row: ClassRow): ClassSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    status: row.status,
    courseId: row.course_id,
    courseTitle: row.course_title,
    audience: row.audience,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_unit_name,
    targetUnitId: row.target_unit_id,
    targetUnitName: row.target_unit_name,
    capacity: row.capacity,
    minSize: row.min_size,
    plannedSize: row.planned_size,
    activeCount: row.active_count,
    pendingCount: row.pending_count,
    waitlistCount: row.waitlist_count,
    openedSize: row.opened_size,
    enrollmentOpensAt: iso(row.enrollment_opens_at),
    enrollmentClosesAt: iso(row.enrollment_closes_at),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    isSelfEnrollmentAllowed: row.is_self_enrollment_allowed,
    hasPendingApproval: row.has_pending_approval,
    lecturers: row.lecturers,
  };
}

export function toClassResponse(row: ClassRow): ClassResponse {
  return {
    ...toClassSummary(row),
    description: row.description,
    policySnapshot: row.policy_snapshot,
    createdAt: row.created_at.toISOString(),
    openedAt: iso(row.opened_at),
    closedAt: iso(row.closed_at),
  };
}
