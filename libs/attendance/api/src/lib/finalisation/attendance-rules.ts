import { AttendancePolicy, AttendanceSession, AttendanceStatus } from '@thuchoc/attendance/contracts';

/** What finalisation knows of one learner in one session. */
export interface AttendanceFacts {
  mode: AttendanceSession['mode'];
  checkedIn: boolean;
  isLate: boolean;
  presenceSeconds: number;
  liveSeconds: number;
  checksAnswered: number;
  checksReceived: number;
  /** A status set by an approved excuse or by hand: finalisation keeps it. */
  keptStatus: AttendanceStatus | null;
}

/**
 * A learner's status in a closed session, from the class policy:
 * - kept: an approved excuse or a manual mark stands;
 * - absent: no check-in;
 * - partial: checked in, but verified presence (online-live sessions) or
 *   answered attention checks fall short of the policy;
 * - late: checked in after the late threshold, otherwise;
 * - present.
 */
export function attendanceStatus(facts: AttendanceFacts, policy: AttendancePolicy): AttendanceStatus {
  if (facts.keptStatus) return facts.keptStatus;
  if (!facts.checkedIn) return AttendanceStatus.Absent;
  if (facts.mode === 'online-live' && facts.liveSeconds > 0) {
    const presencePercent = (Math.min(facts.presenceSeconds, facts.liveSeconds) / facts.liveSeconds) * 100;
    if (presencePercent < policy.minSessionPresencePercent) return AttendanceStatus.Partial;
  }
  if (facts.checksReceived > 0) {
    const attentionPercent = (facts.checksAnswered / facts.checksReceived) * 100;
    if (attentionPercent < policy.minAttentionPercent) return AttendanceStatus.Partial;
  }
  return facts.isLate ? AttendanceStatus.Late : AttendanceStatus.Present;
}
