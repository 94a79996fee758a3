import { Injectable } from '@nestjs/common';
import {
  AttendanceStatus,
  ExcuseResponse,
  MyAttendanceHistory,
  MySessionView,
  PendingAttentionCheck,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { Principal } from '@thuchoc/identity/api';
import { notFound } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';
import { ExcusesService } from '../excuses/excuses.service';
import { RecordRow, toRecordResponse } from '../finalisation/record-row';
import { AttendanceGridService, learnerTotals, toGridSession } from '../grid/attendance-grid.service';
import { SessionAccess } from '../sessions/session-access';
import { checkInWindow, policyOf, SessionFacts, toAttendanceSession } from '../sessions/session-facts';
import { classAbsenceRule } from '../warnings/absence-rules';

/** Why a learner cannot check in right now, as the error code the check-in would answer; null when they can. */
export function checkInRefusal(
  facts: SessionFacts,
  record: RecordRow | null,
  hasDevice: boolean,
  now: Date,
): string | null {
  if (record?.checked_in_at) return 'attendance.already-checked-in';
  if (facts.status !== SessionStatus.Live) return 'attendance.session-not-live';
  const window = checkInWindow(facts.starts_at, policyOf(facts.attendance_policy));
  if (now < window.opensAt) return 'attendance.check-in-not-open';
  if (now > window.closesAt) return 'attendance.check-in-closed';
  if (!hasDevice) return 'attendance.device-unregistered';
  return null;
}

/** A learner's own attendance: one session as their live page shows it, and their history in a class. */
@Injectable()
export class MyAttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SessionAccess,
    private readonly grid: AttendanceGridService,
    private readonly excuses: ExcusesService,
  ) {}

  async session(principal: Principal, sessionId: string): Promise<MySessionView> {
    const facts = await this.access.forLearner(principal.userId, sessionId);
    const [records, pending, excuses] = await Promise.all([
      this.records(principal.userId, [sessionId]),
      this.pendingCheck(principal.userId, sessionId),
      this.excuses.latestForLearner(principal.userId, [sessionId]),
    ]);
    const record = records.get(sessionId) ?? null;
    const excuse = excuses.get(sessionId) ?? null;
    const now = new Date();
    const refusal = checkInRefusal(facts, record, principal.deviceId !== null, now);
    return {
      session: toAttendanceSession(facts),
      record: record ? toRecordResponse(record, facts) : null,
      pendingCheck: pending,
      excuse,
      canCheckIn: refusal === null,
      checkInRefusal: refusal,
      canRequestExcuse: canRequestExcuse(facts, record, excuse, now),
    };
  }

  async history(userId: string, classId: string): Promise<MyAttendanceHistory> {
    const klass: { title: string }[] = await this.dataSource.query(
      `SELECT c.title FROM classes c JOIN enrollments e ON e.class_id = c.id
        WHERE c.id = $1 AND e.user_id = $2 AND e.status IN ('active', 'completed', 'failed')`,
      [classId, userId],
    );
    if (!klass[0]) throw notFound('class.not-found', 'No such class among yours.');
    const sessions = await this.grid.sessions(classId);
    const ids = sessions.map((s) => s.id);
    const [records, excuses, rule] = await Promise.all([
      this.records(userId, ids),
      this.excuses.latestForLearner(userId, ids),
      classAbsenceRule(this.dataSource, classId),
    ]);
    const totals = learnerTotals(sessions, records, rule.allowed);
    return {
      classId,
      classTitle: klass[0].title,
      sessions: sessions.map((session) => {
        const record = records.get(session.id);
        return {
          ...toGridSession(session),
          record: record ? toRecordResponse(record, session) : null,
          excuse: excuses.get(session.id) ?? null,
        };
      }),
      attendedCount: totals.attendedCount,
      absentCount: totals.absentCount,
      allowedAbsences: rule.allowed,
      warning: totals.warning,
    };
  }

  private async records(userId: string, sessionIds: readonly string[]): Promise<Map<string, RecordRow>> {
    const rows: RecordRow[] = await this.dataSource.query(
      `SELECT r.*, m.full_name AS marked_by_name FROM attendance_records r LEFT JOIN users m ON m.id = r.marked_by
        WHERE r.user_id = $1 AND r.session_id = ANY($2::uuid[])`,
      [userId, sessionIds],
    );
    return new Map(rows.map((row) => [row.session_id, row]));
  }

  /** From PostgreSQL, not the presence store: the prompt survives a Redis restart and a page reload. */
  private async pendingCheck(userId: string, sessionId: string): Promise<PendingAttentionCheck | null> {
    const rows: { id: string; code: string; expires_at: Date }[] = await this.dataSource.query(
      `SELECT c.id, c.code, c.expires_at FROM attention_checks c
         JOIN attention_responses r ON r.check_id = c.id AND r.user_id = $2
         JOIN class_sessions s ON s.id = c.session_id AND s.status = 'live'
        WHERE c.session_id = $1 AND r.answered_at IS NULL AND c.expires_at > now()
        ORDER BY c.fired_at DESC LIMIT 1`,
      [sessionId, userId],
    );
    return rows[0]
      ? { id: rows[0].id, code: rows[0].code, expiresAt: rows[0].expires_at.toISOString() }
      : null;
  }
}

const DAY = 24 * 3600_000;

/** Until the excuse window closes, for a session not attended and without a pending or approved excuse. */
export function canRequestExcuse(
  facts: SessionFacts,
  record: RecordRow | null,
  excuse: ExcuseResponse | null,
  now: Date,
): boolean {
  const policy = policyOf(facts.attendance_policy);
  if (now.getTime() > facts.ends_at.getTime() + policy.excuseDaysAfter * DAY) return false;
  if (excuse && excuse.status !== 'rejected') return false;
  const attended = record?.status
    ? [AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.Excused].includes(record.status)
    : Boolean(record?.checked_in_at);
  return !attended;
}
