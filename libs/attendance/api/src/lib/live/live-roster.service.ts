import { Injectable } from '@nestjs/common';
import {
  LiveLearnerState,
  LiveRoster,
  LiveRosterEntry,
  PRESENT_WINDOW_SECONDS,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { Principal } from '@thuchoc/identity/api';
import { DataSource } from 'typeorm';
import { AttentionChecksService } from '../attention/attention-checks.service';
import { PresenceService } from '../presence/presence.service';
import { SessionAccess } from '../sessions/session-access';
import { toAttendanceSession } from '../sessions/session-facts';

interface LearnerRow {
  user_id: string;
  full_name: string;
  username: string;
  checked_in_at: Date | null;
  check_in_method: LiveRosterEntry['checkInMethod'];
  is_late: boolean | null;
  presence_seconds: number | null;
  answered: number;
  pending: number;
}

/** present: beat within the window; left: beat before, not lately; not-joined: never beat. */
export function liveState(lastBeatMs: number | undefined, nowMs: number): LiveLearnerState {
  if (lastBeatMs === undefined) return 'not-joined';
  return nowMs - lastBeatMs <= PRESENT_WINDOW_SECONDS * 1000 ? 'present' : 'left';
}

/** What the lecturer's console shows while the session runs: who is here, who left, who never came. */
@Injectable()
export class LiveRosterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SessionAccess,
    private readonly presence: PresenceService,
    private readonly checks: AttentionChecksService,
  ) {}

  async roster(principal: Principal, sessionId: string): Promise<LiveRoster> {
    const facts = await this.access.forStaff(principal, sessionId, 'read');
    const [learners, snapshot, attentionChecks] = await Promise.all([
      this.dataSource.query(
        `SELECT u.id AS user_id, u.full_name, u.username, r.checked_in_at, r.check_in_method, r.is_late,
                r.presence_seconds,
                (SELECT count(ar.answered_at)::int FROM attention_responses ar JOIN attention_checks ac ON ac.id = ar.check_id
                  WHERE ac.session_id = $1 AND ar.user_id = u.id) AS answered,
                (SELECT count(*)::int FROM attention_responses ar JOIN attention_checks ac ON ac.id = ar.check_id
                  WHERE ac.session_id = $1 AND ar.user_id = u.id AND ar.answered_at IS NULL AND ac.expires_at > now()
                    AND $3::boolean)
                  AS pending
           FROM enrollments e JOIN users u ON u.id = e.user_id
           LEFT JOIN attendance_records r ON r.session_id = $1 AND r.user_id = u.id
          WHERE e.class_id = $2 AND e.status IN ('active', 'completed', 'failed')
          ORDER BY u.full_name, u.username`,
        // Pending only while live: once closed, an unanswered check is a missed one.
        [sessionId, facts.class_id, facts.status === SessionStatus.Live],
      ) as Promise<LearnerRow[]>,
      this.presence.snapshot(facts).catch(() => null),
      this.checks.list(sessionId),
    ]);
    const now = Date.now();
    const entries: LiveRosterEntry[] = learners.map((row) => {
      const last = snapshot?.lastBeatMs.get(row.user_id);
      const liveMs = snapshot?.presenceMs.get(row.user_id);
      return {
        userId: row.user_id,
        fullName: row.full_name,
        username: row.username,
        state: liveState(last, now),
        lastSeenAt: last !== undefined ? new Date(last).toISOString() : null,
        presenceSeconds: Math.max(
          row.presence_seconds ?? 0,
          liveMs !== undefined ? Math.floor(liveMs / 1000) : 0,
        ),
        checkedInAt: row.checked_in_at?.toISOString() ?? null,
        checkInMethod: row.check_in_method,
        isLate: row.is_late ?? false,
        checksAnswered: row.answered,
        checksPending: row.pending,
      };
    });
    return {
      session: toAttendanceSession(facts),
      enrolledCount: entries.length,
      checkedInCount: entries.filter((entry) => entry.checkedInAt !== null).length,
      presentCount: entries.filter((entry) => entry.state === 'present').length,
      learners: entries,
      attentionChecks,
    };
  }
}
