import { Injectable, Logger } from '@nestjs/common';
import {
  ATTENDANCE_QUEUE,
  AttendanceEventType,
  AttendanceLedgerType,
  AttendanceStatus,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { IntegrityFlagKind } from '@thuchoc/integrity/contracts';
import { OutboxService, ProcessedEventsService } from '@thuchoc/shared/api-core';
import { EntityManager } from 'typeorm';
import { AttendanceLedger, AttendanceLedgerEntry } from '../ledger/attendance-ledger';
import { IntegrityFlagsService } from '../flags/integrity-flags.service';
import { PresenceService } from '../presence/presence.service';
import { SessionAccess } from '../sessions/session-access';
import { liveSeconds, policyOf, SessionFacts } from '../sessions/session-facts';
import { attendanceStatus } from './attendance-rules';
import { RecordRow, toEvidence } from './record-row';

type FinalRow = RecordRow & { checks_received: number; answered: number };

/**
 * Finalisation of a closed session, run by a job: flushes the presence
 * counters, gives every active learner a record (unmarked → absent), sets each
 * status from the class policy with its evidence, raises shared-IP flags and
 * ledgers the outcome. One transaction, marked done with the event, so a
 * worker killed half-way leaves nothing and the retry computes the same.
 */
@Injectable()
export class FinalisationService {
  private readonly logger = new Logger(FinalisationService.name);

  constructor(
    private readonly access: SessionAccess,
    private readonly presence: PresenceService,
    private readonly processed: ProcessedEventsService,
    private readonly ledger: AttendanceLedger,
    private readonly flags: IntegrityFlagsService,
    private readonly outbox: OutboxService,
  ) {}

  async finalise(eventId: string, sessionId: string): Promise<void> {
    // Presence first, from the store to PostgreSQL: if the store is down the job fails and is retried.
    await this.presence.flush(sessionId);
    await this.processed.once(eventId, 'attendance.finalise', (tx) => this.finaliseIn(tx, sessionId));
    await this.presence.drop(sessionId).catch((error: Error) => {
      this.logger.warn(`presence of ${sessionId} not dropped: ${error.message}`);
    });
  }

  private async finaliseIn(tx: EntityManager, sessionId: string): Promise<void> {
    const session = await this.access.lock(tx, sessionId);
    if (session.status !== SessionStatus.Closed) return;
    const policy = policyOf(session.attendance_policy);
    const live = liveSeconds(session, session.closed_at ?? new Date());

    // Every active learner gets a record: no check-in and no record means absent, not "unknown".
    await tx.query(
      `INSERT INTO attendance_records (session_id, user_id, class_id)
       SELECT $1, e.user_id, e.class_id FROM enrollments e WHERE e.class_id = $2 AND e.status = 'active'
       ON CONFLICT (session_id, user_id) DO NOTHING`,
      [sessionId, session.class_id],
    );
    const rows: FinalRow[] = await tx.query(
      `SELECT r.*,
              (SELECT count(*)::int FROM attention_responses ar JOIN attention_checks ac ON ac.id = ar.check_id
                WHERE ac.session_id = r.session_id AND ar.user_id = r.user_id) AS checks_received,
              (SELECT count(ar.answered_at)::int FROM attention_responses ar JOIN attention_checks ac ON ac.id = ar.check_id
                WHERE ac.session_id = r.session_id AND ar.user_id = r.user_id) AS answered
         FROM attendance_records r WHERE r.session_id = $1 ORDER BY r.user_id`,
      [sessionId],
    );
    const statuses = rows.map((row) =>
      attendanceStatus(
        {
          mode: session.mode,
          checkedIn: row.checked_in_at !== null,
          isLate: row.is_late,
          presenceSeconds: row.presence_seconds,
          liveSeconds: live,
          checksAnswered: row.answered,
          checksReceived: row.checks_received,
          keptStatus: keptStatus(row),
        },
        policy,
      ),
    );
    await tx.query(
      `UPDATE attendance_records r
          SET status = u.status, live_seconds = $2, presence_seconds = LEAST(r.presence_seconds, $2),
              checks_answered = u.answered, checks_missed = u.received - u.answered, finalised_at = now()
         FROM unnest($3::uuid[], $4::text[], $5::int[], $6::int[]) AS u(user_id, status, answered, received)
        WHERE r.session_id = $1 AND r.user_id = u.user_id`,
      [
        sessionId,
        live,
        rows.map((row) => row.user_id),
        statuses,
        rows.map((row) => row.answered),
        rows.map((row) => row.checks_received),
      ],
    );
    await tx.query(`UPDATE class_sessions SET status = 'finalised', finalised_at = now() WHERE id = $1`, [
      sessionId,
    ]);

    const entries: AttendanceLedgerEntry[] = rows.map((row, i) => ({
      type: AttendanceLedgerType.Recorded,
      actorId: null,
      subjectIds: { session: sessionId, learner: row.user_id },
      payload: {
        status: statuses[i],
        evidence: toEvidence(
          {
            ...row,
            live_seconds: live,
            checks_answered: row.answered,
            checks_missed: row.checks_received - row.answered,
            finalised_at: new Date(),
          },
          session,
        ),
      },
    }));
    entries.push({
      type: AttendanceLedgerType.SessionFinalised,
      actorId: null,
      subjectIds: { session: sessionId },
      payload: { liveSeconds: live, counts: countBy(statuses), policy },
    });
    await this.ledger.recordMany(tx, session.class_id, entries);
    await this.raiseSharedIpFlags(tx, session, policy.sharedIpThreshold);
    await this.outbox.publish(tx, {
      type: AttendanceEventType.AbsencesChanged,
      queue: ATTENDANCE_QUEUE,
      payload: {
        classId: session.class_id,
        userIds: rows.filter((_, i) => statuses[i] === AttendanceStatus.Absent).map((row) => row.user_id),
      },
    });
  }

  /** Many accounts from one address: offices share NAT, so this is a flag to look at, never a refusal. */
  private async raiseSharedIpFlags(
    tx: EntityManager,
    session: SessionFacts,
    threshold: number,
  ): Promise<void> {
    const groups: { ip: string; user_ids: string[] }[] = await tx.query(
      `SELECT ip, array_agg(user_id ORDER BY checked_in_at) AS user_ids FROM attendance_records
        WHERE session_id = $1 AND checked_in_at IS NOT NULL AND ip IS NOT NULL AND check_in_method <> 'manual'
        GROUP BY ip HAVING count(*) >= $2`,
      [session.id, threshold],
    );
    for (const group of groups) {
      await this.flags.raise(tx, {
        kind: IntegrityFlagKind.SharedIp,
        classId: session.class_id,
        sessionId: session.id,
        userIds: group.user_ids,
        details: { ip: group.ip, accounts: group.user_ids.length, threshold },
        dedupeKey: `shared-ip:${session.id}:${group.ip}`,
        raisedBy: null,
      });
    }
  }
}

/** Approved excuses and manual marks stand. */
function keptStatus(row: RecordRow): AttendanceStatus | null {
  if (row.status === AttendanceStatus.Excused) return AttendanceStatus.Excused;
  if (row.marked_by && row.status) return row.status;
  return null;
}

function countBy(statuses: readonly AttendanceStatus[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
