import { DataSource, EntityManager } from 'typeorm';

export type AbsenceWarningLevel = 'near' | 'crossed';

/** Absences a learner may have: the sessions the completion rule lets them miss. */
export function allowedAbsences(totalSessions: number, minAttendancePercent: number): number {
  if (totalSessions <= 0) return 0;
  return Math.floor((totalSessions * (100 - minAttendancePercent)) / 100 + 1e-9);
}

/** `near`: one more absence breaks the rule; `crossed`: it is broken. Nothing before the first absence. */
export function absenceWarningLevel(absences: number, allowed: number): AbsenceWarningLevel | null {
  if (absences <= 0) return null;
  if (absences > allowed) return 'crossed';
  if (absences === allowed) return 'near';
  return null;
}

export interface ClassAbsenceRule {
  totalSessions: number;
  minAttendancePercent: number;
  allowed: number;
}

/**
 * The class's rule: its sessions and the attendance share its completion
 * policy asks for (the snapshot taken at opening, else the course's).
 */
export async function classAbsenceRule(
  manager: DataSource | EntityManager,
  classId: string,
): Promise<ClassAbsenceRule> {
  const rows: { total: number; min_percent: number | null }[] = await manager.query(
    `SELECT (SELECT count(*)::int FROM class_sessions s WHERE s.class_id = c.id) AS total,
            COALESCE((c.policy_snapshot -> 'completionPolicy' ->> 'minAttendancePercent')::numeric,
                     (co.completion_policy ->> 'minAttendancePercent')::numeric, 80)::float AS min_percent
       FROM classes c JOIN courses co ON co.id = c.course_id WHERE c.id = $1`,
    [classId],
  );
  const total = rows[0]?.total ?? 0;
  const minAttendancePercent = rows[0]?.min_percent ?? 80;
  return {
    totalSessions: total,
    minAttendancePercent,
    allowed: allowedAbsences(total, minAttendancePercent),
  };
}
