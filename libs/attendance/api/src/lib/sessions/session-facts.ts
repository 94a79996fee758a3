import {
  AttendancePolicy,
  AttendanceSession,
  DEFAULT_ATTENDANCE_POLICY,
  SessionStatus,
} from '@thuchoc/attendance/contracts';

/** A session with its class and the facts every attendance rule needs. */
export interface SessionFacts {
  id: string;
  class_id: string;
  class_code: string;
  class_title: string;
  class_status: string;
  owner_unit_id: string;
  title: string;
  mode: AttendanceSession['mode'];
  starts_at: Date;
  ends_at: Date;
  room: string | null;
  meeting_url: string | null;
  status: SessionStatus;
  opened_at: Date | null;
  closed_at: Date | null;
  finalised_at: Date | null;
  code_secret: string | null;
  auto_checks_at: Date[];
  attendance_policy: Partial<AttendancePolicy> | null;
}

export const SESSION_FACTS_SELECT = `
  SELECT s.id, s.class_id, c.code AS class_code, c.title AS class_title, c.status AS class_status, c.owner_unit_id,
         s.title, s.mode, s.starts_at, s.ends_at, s.room, s.meeting_url, s.status, s.opened_at, s.closed_at,
         s.finalised_at, s.code_secret, s.auto_checks_at, c.attendance_policy
    FROM class_sessions s JOIN classes c ON c.id = s.class_id`;

/** The class's policy: what it sets, the defaults for the rest. */
export function policyOf(stored: Partial<AttendancePolicy> | null): AttendancePolicy {
  return { ...DEFAULT_ATTENDANCE_POLICY, ...(stored ?? {}) };
}

const MINUTE = 60_000;

export interface CheckInWindow {
  opensAt: Date;
  lateAfter: Date;
  closesAt: Date;
}

export function checkInWindow(startsAt: Date, policy: AttendancePolicy): CheckInWindow {
  const start = startsAt.getTime();
  return {
    opensAt: new Date(start - policy.checkInOpensMinutesBefore * MINUTE),
    lateAfter: new Date(start + policy.lateAfterMinutes * MINUTE),
    closesAt: new Date(start + policy.checkInClosesAfterMinutes * MINUTE),
  };
}

/** Seconds the session was live, up to `now` while it still is: the cap on anyone's presence. */
export function liveSeconds(facts: Pick<SessionFacts, 'opened_at' | 'closed_at'>, now: Date): number {
  if (!facts.opened_at) return 0;
  const end = facts.closed_at ?? now;
  return Math.max(0, Math.floor((end.getTime() - facts.opened_at.getTime()) / 1000));
}

export function toAttendanceSession(facts: SessionFacts): AttendanceSession {
  const policy = policyOf(facts.attendance_policy);
  const window = checkInWindow(facts.starts_at, policy);
  return {
    id: facts.id,
    classId: facts.class_id,
    classCode: facts.class_code,
    classTitle: facts.class_title,
    title: facts.title,
    mode: facts.mode,
    startsAt: facts.starts_at.toISOString(),
    endsAt: facts.ends_at.toISOString(),
    room: facts.room,
    meetingUrl: facts.meeting_url,
    status: facts.status,
    openedAt: facts.opened_at?.toISOString() ?? null,
    closedAt: facts.closed_at?.toISOString() ?? null,
    finalisedAt: facts.finalised_at?.toISOString() ?? null,
    checkInOpensAt: window.opensAt.toISOString(),
    lateAfter: window.lateAfter.toISOString(),
    checkInClosesAt: window.closesAt.toISOString(),
    policy,
  };
}
