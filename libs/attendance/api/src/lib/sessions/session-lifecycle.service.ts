import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ATTENDANCE_QUEUE,
  AttendanceEventType,
  AttendanceLedgerType,
  AttendanceSession,
  CheckInCode,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { Principal } from '@thuchoc/identity/api';
import { APP_CONFIG, AppConfig, conflict, OutboxService } from '@thuchoc/shared/api-core';
import { randomInt } from 'node:crypto';
import { toString as qrSvg } from 'qrcode';
import { DataSource } from 'typeorm';
import { codeAt, codeRotatesAt, newCodeSecret } from '../check-in/check-in-code';
import { AttendanceLedger } from '../ledger/attendance-ledger';
import { LiveEvents } from '../live/live-events';
import { PresenceService } from '../presence/presence.service';
import { SessionAccess } from './session-access';
import { checkInWindow, policyOf, SessionFacts, toAttendanceSession } from './session-facts';

const notLive = () => conflict('attendance.session-not-live', 'The session is not live.');

/** Random moments for the session's automatic attention checks, in the middle 80 % of what remains of it. */
export function autoCheckTimes(openedAt: Date, endsAt: Date, count: number, random = randomInt): Date[] {
  const from = openedAt.getTime();
  const span = endsAt.getTime() - from;
  if (count <= 0 || span <= 60_000) return [];
  const lo = from + span * 0.1;
  const width = Math.max(1, Math.floor(span * 0.8));
  return Array.from({ length: count }, () => new Date(lo + random(width))).sort(
    (a, b) => a.getTime() - b.getTime(),
  );
}

/**
 * scheduled → live (opened by its lecturer or centre staff) → closed (by them,
 * or by the clock at end + grace) → finalised (a job, on the closing event).
 * Every step is a conditional update on the locked row, ledgered.
 */
@Injectable()
export class SessionLifecycleService {
  private readonly logger = new Logger(SessionLifecycleService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SessionAccess,
    private readonly ledger: AttendanceLedger,
    private readonly outbox: OutboxService,
    private readonly presence: PresenceService,
    private readonly live: LiveEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(principal: Principal, sessionId: string): Promise<AttendanceSession> {
    return toAttendanceSession(await this.access.forStaff(principal, sessionId, 'read'));
  }

  async open(principal: Principal, sessionId: string): Promise<AttendanceSession> {
    await this.access.forStaff(principal, sessionId, 'run');
    const facts = await this.dataSource.transaction(async (tx) => {
      const session = await this.access.lock(tx, sessionId);
      if (session.status !== SessionStatus.Scheduled)
        throw conflict(
          'attendance.session-status',
          `The session is ${session.status}; only a scheduled one opens.`,
        );
      if (!['open', 'running'].includes(session.class_status))
        throw conflict('attendance.class-not-running', 'Sessions open only in an open or running class.');
      const now = new Date();
      const policy = policyOf(session.attendance_policy);
      if (now < checkInWindow(session.starts_at, policy).opensAt)
        throw conflict(
          'attendance.too-early',
          `The session opens at the earliest ${policy.checkInOpensMinutesBefore} minutes before its start.`,
        );
      if (now >= session.ends_at) throw conflict('attendance.session-over', 'The session has already ended.');
      await tx.query(
        `UPDATE class_sessions SET status = 'live', opened_at = $2, opened_by = $3, code_secret = $4,
                auto_checks_at = $5::timestamptz[]
          WHERE id = $1`,
        [
          sessionId,
          now,
          principal.userId,
          newCodeSecret(),
          autoCheckTimes(now, session.ends_at, policy.autoAttentionChecks),
        ],
      );
      await this.ledger.record(tx, session.class_id, {
        type: AttendanceLedgerType.SessionOpened,
        actorId: principal.userId,
        subjectIds: { session: sessionId },
        payload: { openedAt: now.toISOString() },
      });
      return this.access.facts(sessionId, tx);
    });
    await this.afterStatusChange(facts);
    return toAttendanceSession(facts);
  }

  /** Closing by hand (a principal) or by the clock (null); the finalisation job follows. */
  async close(principal: Principal | null, sessionId: string): Promise<AttendanceSession> {
    if (principal) await this.access.forStaff(principal, sessionId, 'run');
    const facts = await this.dataSource.transaction(async (tx) => {
      const session = await this.access.lock(tx, sessionId);
      if (session.status !== SessionStatus.Live)
        throw conflict(
          'attendance.session-status',
          `The session is ${session.status}; only a live one closes.`,
        );
      await tx.query(
        `UPDATE class_sessions SET status = 'closed', closed_at = now(), closed_by = $2 WHERE id = $1`,
        [sessionId, principal?.userId ?? null],
      );
      await this.outbox.publish(tx, {
        type: AttendanceEventType.SessionClosed,
        queue: ATTENDANCE_QUEUE,
        payload: { sessionId },
      });
      await this.ledger.record(tx, session.class_id, {
        type: AttendanceLedgerType.SessionClosed,
        actorId: principal?.userId ?? null,
        subjectIds: { session: sessionId },
        payload: { by: principal ? 'hand' : 'clock' },
      });
      return this.access.facts(sessionId, tx);
    });
    await this.afterStatusChange(facts);
    return toAttendanceSession(facts);
  }

  /** Live sessions past their end plus the class's grace, closed by the clock. */
  async closeOverdue(): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT s.id FROM class_sessions s JOIN classes c ON c.id = s.class_id
        WHERE s.status = 'live'
          AND s.ends_at + make_interval(mins => COALESCE((c.attendance_policy ->> 'closeGraceMinutes')::int, $1)) < now()`,
      [policyOf(null).closeGraceMinutes],
    );
    let closed = 0;
    for (const { id } of due) {
      try {
        await this.close(null, id);
        closed++;
      } catch (error) {
        // Closed by hand meanwhile: nothing to do.
        this.logger.debug(`auto-close of ${id}: ${(error as Error).message}`);
      }
    }
    return closed;
  }

  async checkInCode(principal: Principal, sessionId: string): Promise<CheckInCode> {
    const facts = await this.access.forStaff(principal, sessionId, 'run');
    if (facts.status !== SessionStatus.Live || !facts.code_secret) throw notLive();
    const clock = this.codeClock();
    const now = new Date();
    const code = codeAt(facts.code_secret, now, clock);
    const checkInUrl = `${this.config.publicUrl}/learner/sessions/${sessionId}?code=${code}`;
    return {
      code,
      checkInUrl,
      qrSvg: await qrSvg(checkInUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
      rotatesAt: codeRotatesAt(now, clock).toISOString(),
      stepSeconds: clock.stepSeconds,
    };
  }

  codeClock() {
    return {
      stepSeconds: this.config.checkInCodeStepSeconds,
      toleranceSteps: this.config.checkInCodeToleranceSteps,
    };
  }

  /** The presence store and the connected pages follow; neither may fail the change itself. */
  private async afterStatusChange(facts: SessionFacts): Promise<void> {
    try {
      if (facts.status === SessionStatus.Live) await this.presence.load(facts);
      else await this.presence.setStatus(facts.id, facts.status, facts.closed_at);
      await this.live.publish(facts.id, { event: { type: 'session-status', status: facts.status } });
    } catch (error) {
      this.logger.warn(
        `session ${facts.id} is ${facts.status}; live state will follow: ${(error as Error).message}`,
      );
    }
  }
}
