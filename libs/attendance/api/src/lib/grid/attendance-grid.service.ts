import { Injectable } from '@nestjs/common';
import {
  AttendanceCell,
  AttendanceGrid,
  AttendanceGridRow,
  AttendanceGridSession,
  AttendancePolicy,
  AttendanceLedgerType,
  AttendanceStatus,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { Principal } from '@thuchoc/identity/api';
import { badRequest } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';
import { AttendanceLedger } from '../ledger/attendance-ledger';
import { RecordRow, toEvidence } from '../finalisation/record-row';
import { SessionAccess } from '../sessions/session-access';
import { policyOf } from '../sessions/session-facts';
import { absenceWarningLevel, classAbsenceRule } from '../warnings/absence-rules';

export interface GridSessionRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  mode: AttendanceGridSession['mode'];
  status: SessionStatus;
  opened_at: Date | null;
  closed_at: Date | null;
}

const ATTENDED: readonly (AttendanceStatus | null)[] = [
  AttendanceStatus.Present,
  AttendanceStatus.Late,
  AttendanceStatus.Partial,
  AttendanceStatus.Excused,
];

export const toGridSession = (row: GridSessionRow): AttendanceGridSession => ({
  id: row.id,
  title: row.title,
  startsAt: row.starts_at.toISOString(),
  endsAt: row.ends_at.toISOString(),
  mode: row.mode,
  status: row.status,
});

/** A learner's totals over the class's finalised sessions. */
export function learnerTotals(
  sessions: readonly GridSessionRow[],
  records: ReadonlyMap<string, RecordRow>,
  allowedAbsences: number,
) {
  let finalised = 0;
  let attended = 0;
  let absent = 0;
  let presence = 0;
  let live = 0;
  for (const session of sessions) {
    if (session.status !== SessionStatus.Finalised) continue;
    finalised++;
    const record = records.get(session.id);
    const status = record?.status ?? AttendanceStatus.Absent;
    if (ATTENDED.includes(status)) attended++;
    if (status === AttendanceStatus.Absent) absent++;
    if (session.mode === 'online-live' && status !== AttendanceStatus.Excused) {
      presence += record?.presence_seconds ?? 0;
      live += record?.live_seconds ?? 0;
    }
  }
  return {
    attendedCount: attended,
    absentCount: absent,
    attendancePercent: finalised > 0 ? Math.round((attended / finalised) * 1000) / 10 : null,
    presencePercent: live > 0 ? Math.round((presence / live) * 1000) / 10 : null,
    warning: absenceWarningLevel(absent, allowedAbsences),
  };
}

/** The class's attendance grid (learners × sessions, with evidence) and its attendance policy. */
@Injectable()
export class AttendanceGridService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SessionAccess,
    private readonly ledger: AttendanceLedger,
  ) {}

  async grid(principal: Principal, classId: string): Promise<AttendanceGrid> {
    await this.access.assertClass(principal, classId, null, 'read', 'class.not-found');
    const [sessions, learners, records, counts, rule] = await Promise.all([
      this.sessions(classId),
      this.dataSource.query(
        `SELECT u.id, u.full_name, u.username, o.name AS unit_name
           FROM enrollments e JOIN users u ON u.id = e.user_id JOIN org_units o ON o.id = u.org_unit_id
          WHERE e.class_id = $1 AND e.status IN ('active', 'completed', 'failed')
          ORDER BY u.full_name, u.username`,
        [classId],
      ) as Promise<{ id: string; full_name: string; username: string; unit_name: string }[]>,
      this.dataSource.query(
        `SELECT r.*, m.full_name AS marked_by_name FROM attendance_records r
           LEFT JOIN users m ON m.id = r.marked_by WHERE r.class_id = $1`,
        [classId],
      ) as Promise<RecordRow[]>,
      this.dataSource.query(
        `SELECT (SELECT count(*)::int FROM integrity_flags WHERE class_id = $1 AND status = 'open') AS open_flags,
                (SELECT count(*)::int FROM attendance_excuses WHERE class_id = $1 AND status = 'pending') AS pending`,
        [classId],
      ) as Promise<{ open_flags: number; pending: number }[]>,
      classAbsenceRule(this.dataSource, classId),
    ]);
    const byLearner = new Map<string, Map<string, RecordRow>>();
    for (const record of records) {
      const mine = byLearner.get(record.user_id) ?? new Map<string, RecordRow>();
      mine.set(record.session_id, record);
      byLearner.set(record.user_id, mine);
    }
    const rows: AttendanceGridRow[] = learners.map((learner) => {
      const mine = byLearner.get(learner.id) ?? new Map<string, RecordRow>();
      const cells: AttendanceCell[] = sessions.map((session) => {
        const record = mine.get(session.id) ?? null;
        return {
          sessionId: session.id,
          status: record?.status ?? null,
          evidence: toEvidence(record, session),
          isManual: Boolean(record?.marked_by),
          reason: record?.reason ?? null,
        };
      });
      return {
        userId: learner.id,
        fullName: learner.full_name,
        username: learner.username,
        unitName: learner.unit_name,
        cells,
        ...learnerTotals(sessions, mine, rule.allowed),
      };
    });
    return {
      classId,
      sessions: sessions.map(toGridSession),
      rows,
      allowedAbsences: rule.allowed,
      openFlags: counts[0]?.open_flags ?? 0,
      pendingExcuses: counts[0]?.pending ?? 0,
    };
  }

  sessions(classId: string): Promise<GridSessionRow[]> {
    return this.dataSource.query(
      `SELECT id, title, starts_at, ends_at, mode, status, opened_at, closed_at FROM class_sessions
        WHERE class_id = $1 ORDER BY starts_at, id`,
      [classId],
    );
  }

  async policy(principal: Principal, classId: string): Promise<AttendancePolicy> {
    await this.access.assertClass(principal, classId, null, 'read', 'class.not-found');
    return this.storedPolicy(classId);
  }

  /** A new policy applies to sessions finalised from now on; the ledger keeps the old and the new. */
  async updatePolicy(
    principal: Principal,
    classId: string,
    policy: AttendancePolicy,
  ): Promise<AttendancePolicy> {
    await this.access.assertClass(principal, classId, null, 'run', 'class.not-found');
    if (policy.lateAfterMinutes > policy.checkInClosesAfterMinutes)
      throw badRequest('attendance.policy-invalid', 'Check-in must close at or after the late threshold.', [
        { field: 'checkInClosesAfterMinutes', messages: ['Giờ đóng điểm danh phải sau mốc tính đi muộn.'] },
      ]);
    return this.dataSource.transaction(async (tx) => {
      const rows: { attendance_policy: Partial<AttendancePolicy> | null }[] = await tx.query(
        'SELECT attendance_policy FROM classes WHERE id = $1 FOR UPDATE',
        [classId],
      );
      const before = policyOf(rows[0]?.attendance_policy ?? null);
      const after: AttendancePolicy = { ...before, ...policy };
      await tx.query('UPDATE classes SET attendance_policy = $2 WHERE id = $1', [
        classId,
        JSON.stringify(after),
      ]);
      await this.ledger.record(tx, classId, {
        type: AttendanceLedgerType.PolicyChanged,
        actorId: principal.userId,
        payload: { before, after },
      });
      return after;
    });
  }

  private async storedPolicy(classId: string): Promise<AttendancePolicy> {
    const rows: { attendance_policy: Partial<AttendancePolicy> | null }[] = await this.dataSource.query(
      'SELECT attendance_policy FROM classes WHERE id = $1',
      [classId],
    );
    return policyOf(rows[0]?.attendance_policy ?? null);
  }
}
