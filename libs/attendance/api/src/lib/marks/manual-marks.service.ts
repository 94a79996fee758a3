import { Injectable } from '@nestjs/common';
import {
  ATTENDANCE_QUEUE,
  AttendanceEventType,
  AttendanceLedgerType,
  AttendanceStatus,
  BULK_MARK_FLAG_THRESHOLD,
  LATE_MARK_FLAG_HOURS,
  ManualMarkRequest,
  ManualMarkResponse,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { IntegrityFlagKind } from '@thuchoc/integrity/contracts';
import { Principal } from '@thuchoc/identity/api';
import { badRequest, conflict, OutboxService } from '@thuchoc/shared/api-core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IntegrityFlagsService } from '../flags/integrity-flags.service';
import { AttendanceLedger } from '../ledger/attendance-ledger';
import { SessionAccess } from '../sessions/session-access';

const HOUR = 3600_000;

/** Which flags a manual action raises: marking long after the session, or many learners at once. */
export function manualMarkFlags(
  count: number,
  sessionEndsAt: Date,
  now: Date,
): (IntegrityFlagKind.LateManualMark | IntegrityFlagKind.BulkManualMark)[] {
  const flags: (IntegrityFlagKind.LateManualMark | IntegrityFlagKind.BulkManualMark)[] = [];
  if (now.getTime() - sessionEndsAt.getTime() > LATE_MARK_FLAG_HOURS * HOUR)
    flags.push(IntegrityFlagKind.LateManualMark);
  if (count >= BULK_MARK_FLAG_THRESHOLD) flags.push(IntegrityFlagKind.BulkManualMark);
  return flags;
}

const CHECKED_IN_STATUSES: readonly AttendanceStatus[] = [
  AttendanceStatus.Present,
  AttendanceStatus.Late,
  AttendanceStatus.Partial,
];

/**
 * Marking by hand: always with a reason, always on the ledger with the
 * status it replaced, and flagged when late or wholesale — the marks a
 * "paper standard" would be made of.
 */
@Injectable()
export class ManualMarksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SessionAccess,
    private readonly ledger: AttendanceLedger,
    private readonly flags: IntegrityFlagsService,
    private readonly outbox: OutboxService,
  ) {}

  async mark(
    principal: Principal,
    sessionId: string,
    request: ManualMarkRequest,
  ): Promise<ManualMarkResponse> {
    const facts = await this.access.forStaff(principal, sessionId, 'run');
    const now = new Date();
    if (now < facts.starts_at)
      throw conflict('attendance.session-not-started', 'Attendance is marked once the session has started.');
    const userIds = [...new Set(request.userIds)];
    return this.dataSource.transaction(async (tx) => {
      const session = await this.access.lock(tx, sessionId);
      const learners: { user_id: string }[] = await tx.query(
        `SELECT user_id FROM enrollments WHERE class_id = $1 AND user_id = ANY($2::uuid[])
            AND status IN ('active', 'completed', 'failed')`,
        [session.class_id, userIds],
      );
      const known = new Set(learners.map((row) => row.user_id));
      const strangers = userIds.filter((id) => !known.has(id));
      if (strangers.length > 0)
        throw badRequest('attendance.not-in-class', 'Some of these people are not learners of this class.', [
          { field: 'userIds', messages: [`Không phải học viên của lớp: ${strangers.join(', ')}`] },
        ]);
      const before: { user_id: string; status: string | null }[] = await tx.query(
        'SELECT user_id, status FROM attendance_records WHERE session_id = $1 AND user_id = ANY($2::uuid[])',
        [sessionId, userIds],
      );
      const previous = new Map(before.map((row) => [row.user_id, row.status]));
      const attended = CHECKED_IN_STATUSES.includes(request.status);
      await tx.query(
        `INSERT INTO attendance_records (session_id, user_id, class_id, status, checked_in_at, check_in_method,
                                         marked_by, marked_at, reason, finalised_at, live_seconds)
         SELECT $1, u, $2, $3, CASE WHEN $4 THEN now() END, CASE WHEN $4 THEN 'manual' END, $5, now(), $6,
                CASE WHEN $7 THEN now() END, $8
           FROM unnest($9::uuid[]) AS u
         ON CONFLICT (session_id, user_id) DO UPDATE
            SET status = EXCLUDED.status, marked_by = EXCLUDED.marked_by, marked_at = EXCLUDED.marked_at,
                reason = EXCLUDED.reason,
                checked_in_at = COALESCE(attendance_records.checked_in_at, EXCLUDED.checked_in_at),
                check_in_method = COALESCE(attendance_records.check_in_method, EXCLUDED.check_in_method)`,
        [
          sessionId,
          session.class_id,
          request.status,
          attended,
          principal.userId,
          request.reason,
          session.status === SessionStatus.Finalised,
          session.opened_at && session.closed_at
            ? Math.floor((session.closed_at.getTime() - session.opened_at.getTime()) / 1000)
            : 0,
          userIds,
        ],
      );
      const actionId = randomUUID();
      await this.ledger.recordMany(
        tx,
        session.class_id,
        userIds.map((userId) => ({
          type: AttendanceLedgerType.Marked,
          actorId: principal.userId,
          subjectIds: { session: sessionId, learner: userId },
          reason: request.reason,
          payload: { status: request.status, previousStatus: previous.get(userId) ?? null, action: actionId },
        })),
      );
      let flagsRaised = 0;
      for (const kind of manualMarkFlags(userIds.length, session.ends_at, now)) {
        const raised = await this.flags.raise(tx, {
          kind,
          classId: session.class_id,
          sessionId,
          userIds,
          details: {
            status: request.status,
            count: userIds.length,
            reason: request.reason,
            action: actionId,
          },
          dedupeKey: `${kind}:${actionId}`,
          raisedBy: principal.userId,
        });
        if (raised) flagsRaised++;
      }
      if (session.status === SessionStatus.Finalised)
        await this.outbox.publish(tx, {
          type: AttendanceEventType.AbsencesChanged,
          queue: ATTENDANCE_QUEUE,
          payload: { classId: session.class_id, userIds },
        });
      return { marked: userIds.length, flagsRaised };
    });
  }
}
