import {
  AttendanceEvidence,
  AttendanceRecordResponse,
  AttendanceStatus,
  CheckInMethod,
} from '@thuchoc/attendance/contracts';
import { liveSeconds, SessionFacts } from '../sessions/session-facts';

/** An attendance_records row, optionally with the name of whoever marked it. */
export interface RecordRow {
  session_id: string;
  user_id: string;
  class_id: string;
  status: AttendanceStatus | null;
  checked_in_at: Date | null;
  check_in_method: CheckInMethod | null;
  device_id: string | null;
  ip: string | null;
  is_late: boolean;
  presence_seconds: number;
  live_seconds: number;
  checks_answered: number;
  checks_missed: number;
  marked_by: string | null;
  marked_at: Date | null;
  reason: string | null;
  finalised_at: Date | null;
  marked_by_name?: string | null;
}

type LiveFacts = Pick<SessionFacts, 'opened_at' | 'closed_at'>;

/** The evidence of a record: finalised records keep their own live time; open ones use the session's so far. */
export function toEvidence(row: RecordRow | null, session: LiveFacts, now = new Date()): AttendanceEvidence {
  const live = row?.finalised_at ? row.live_seconds : liveSeconds(session, now);
  const presence = Math.min(row?.presence_seconds ?? 0, live || (row?.presence_seconds ?? 0));
  return {
    checkedInAt: row?.checked_in_at?.toISOString() ?? null,
    checkInMethod: row?.check_in_method ?? null,
    device: row?.device_id ? row.device_id.slice(0, 8) : null,
    isLate: row?.is_late ?? false,
    presenceSeconds: presence,
    liveSeconds: live,
    presencePercent: live > 0 ? Math.round((presence / live) * 1000) / 10 : null,
    checksAnswered: row?.checks_answered ?? 0,
    checksMissed: row?.checks_missed ?? 0,
  };
}

export function toRecordResponse(row: RecordRow, session: LiveFacts): AttendanceRecordResponse {
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    status: row.status,
    evidence: toEvidence(row, session),
    markedByName: row.marked_by_name ?? null,
    reason: row.reason,
    finalisedAt: row.finalised_at?.toISOString() ?? null,
  };
}
