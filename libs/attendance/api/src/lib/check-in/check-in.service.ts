import { HttpStatus, Injectable } from '@nestjs/common';
import { CheckInMethod, CheckInRequest, CheckInResponse, SessionStatus } from '@thuchoc/attendance/contracts';
import { IntegrityFlagKind } from '@thuchoc/integrity/contracts';
import { Principal } from '@thuchoc/identity/api';
import {
  badRequest,
  conflict,
  notFound,
  ProblemException,
  RateLimiterFactory,
} from '@thuchoc/shared/api-core';
import { RateLimiterAbstract } from 'rate-limiter-flexible';
import { DataSource, QueryFailedError } from 'typeorm';
import { IntegrityFlagsService } from '../flags/integrity-flags.service';
import { RecordRow, toRecordResponse } from '../finalisation/record-row';
import { SessionAccess } from '../sessions/session-access';
import { checkInWindow, policyOf, SessionFacts } from '../sessions/session-facts';
import { SessionLifecycleService } from '../sessions/session-lifecycle.service';
import { isCodeValid } from './check-in-code';
import { CheckInWrites, CheckInWritten } from './check-in-writes';

function tooManyAttempts(msLeft: number): ProblemException {
  const retryAfter = Math.max(1, Math.ceil(msLeft / 1000));
  return new ProblemException(
    HttpStatus.TOO_MANY_REQUESTS,
    'attendance.too-many-attempts',
    `Too many wrong codes. Try again in ${retryAfter} s.`,
    undefined,
    { 'Retry-After': String(retryAfter) },
  );
}

const notLive = () =>
  conflict('attendance.session-not-live', 'Check-in is open only while the session is live.');

/** Wrong codes a learner may type per window before being made to wait. */
const WRONG_CODES_ALLOWED = 10;
const WRONG_CODE_WINDOW_SECONDS = 300;
/** Session facts are read once per this long per api process: a check-in storm reads them a few times, not 15,000. */
const FACTS_TTL_MS = 2000;

/**
 * Check-in with the rotating code: the session's window, the code and the
 * learner's wrong-code budget are checked here; the write itself
 * (`CheckInWrites`) is one statement shared by the check-ins arriving
 * together.
 */
@Injectable()
export class CheckInService {
  private readonly wrongCodes: RateLimiterAbstract;
  private readonly factsCache = new Map<string, { facts: SessionFacts; until: number }>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SessionAccess,
    private readonly lifecycle: SessionLifecycleService,
    private readonly flags: IntegrityFlagsService,
    private readonly writes: CheckInWrites,
    limiters: RateLimiterFactory,
  ) {
    this.wrongCodes = limiters.create({
      name: 'check-in-wrong-code',
      points: WRONG_CODES_ALLOWED,
      durationSeconds: WRONG_CODE_WINDOW_SECONDS,
    });
  }

  async checkIn(
    principal: Principal,
    sessionId: string,
    request: CheckInRequest,
    ip: string,
  ): Promise<CheckInResponse> {
    const userId = principal.userId;
    if (!principal.deviceId)
      throw badRequest(
        'attendance.device-unregistered',
        'This sign-in has no device key; sign in again from the ThucHoc app to check in.',
      );
    const facts = await this.sessionFacts(sessionId);
    if (facts.status !== SessionStatus.Live || !facts.code_secret) throw notLive();
    const window = checkInWindow(facts.starts_at, policyOf(facts.attendance_policy));
    const now = new Date();
    if (now < window.opensAt)
      throw conflict('attendance.check-in-not-open', `Check-in opens at ${window.opensAt.toISOString()}.`);
    if (now > window.closesAt)
      throw conflict('attendance.check-in-closed', 'Check-in for this session has closed.');

    this.assertNotThrottled(userId);
    if (!isCodeValid(facts.code_secret, request.code, now, this.lifecycle.codeClock())) {
      await this.countWrongCode(userId);
      throw badRequest(
        'attendance.code-invalid',
        'The code is wrong or has expired; type the code shown now.',
        [{ field: 'code', messages: ['Mã điểm danh không đúng hoặc đã hết hạn.'] }],
      );
    }

    const method = request.method === CheckInMethod.Qr ? CheckInMethod.Qr : CheckInMethod.Code;
    let written: CheckInWritten;
    try {
      written = await this.writes.write({
        sessionId,
        classId: facts.class_id,
        lateAfter: window.lateAfter,
        userId,
        method,
        deviceId: principal.deviceId,
        ip,
      });
    } catch (error) {
      if (!isDeviceClash(error)) throw error;
      // The device's record may be this learner's own, written by a concurrent request of theirs.
      const holder = await this.deviceHolder(sessionId, principal.deviceId);
      if (holder !== userId) await this.refuseSharedDevice(facts, principal.deviceId, holder, userId);
      written = null;
    }
    if (written) return { isNew: written.isNew, record: toRecordResponse(written.row, facts) };

    const existing: RecordRow[] = await this.dataSource.query(
      'SELECT * FROM attendance_records WHERE session_id = $1 AND user_id = $2 AND checked_in_at IS NOT NULL',
      [sessionId, userId],
    );
    if (existing[0]) return { isNew: false, record: toRecordResponse(existing[0], facts) };
    // Closed since the facts were read, or not an active learner of the class.
    this.factsCache.delete(sessionId);
    if ((await this.access.facts(sessionId)).status !== SessionStatus.Live) throw notLive();
    throw notFound('class-session.not-found', 'No such session in your scope.');
  }

  private async sessionFacts(sessionId: string): Promise<SessionFacts> {
    const cached = this.factsCache.get(sessionId);
    if (cached && cached.until > Date.now()) return cached.facts;
    const facts = await this.access.facts(sessionId);
    // Only a live session's facts are kept: the INSERT itself re-checks that it is still live.
    if (facts.status !== SessionStatus.Live) return facts;
    if (this.factsCache.size > 1000) this.factsCache.clear();
    this.factsCache.set(sessionId, { facts, until: Date.now() + FACTS_TTL_MS });
    return facts;
  }

  /**
   * A learner who used up their wrong codes waits, even with the right one.
   * The shared counter (Redis) is only consulted on a wrong code; what it
   * answered is remembered here until the window ends, so a right code costs
   * no extra round trip. Another api process learns of the block on the next
   * wrong code sent to it: at most one extra guess per process and window.
   */
  private assertNotThrottled(userId: string): void {
    const until = this.blockedUntil.get(userId);
    if (until === undefined) return;
    const left = until - Date.now();
    if (left <= 0) {
      this.blockedUntil.delete(userId);
      return;
    }
    throw tooManyAttempts(left);
  }

  private async countWrongCode(userId: string): Promise<void> {
    let msBeforeNext: number | null = null;
    try {
      const used = await this.wrongCodes.consume(userId);
      if (used.remainingPoints <= 0) msBeforeNext = used.msBeforeNext;
    } catch (rejection) {
      msBeforeNext =
        (rejection as { msBeforeNext?: number }).msBeforeNext ?? WRONG_CODE_WINDOW_SECONDS * 1000;
    }
    if (msBeforeNext === null) return;
    if (this.blockedUntil.size > 10_000) this.blockedUntil.clear();
    this.blockedUntil.set(userId, Date.now() + msBeforeNext);
  }

  /** The refusal stands, and so does the flag: it is raised in its own transaction. */
  private async deviceHolder(sessionId: string, deviceId: string): Promise<string | null> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      'SELECT user_id FROM attendance_records WHERE session_id = $1 AND device_id = $2',
      [sessionId, deviceId],
    );
    return rows[0]?.user_id ?? null;
  }

  private async refuseSharedDevice(
    facts: SessionFacts,
    deviceId: string,
    holder: string | null,
    userId: string,
  ): Promise<never> {
    const userIds = [holder, userId].filter((id): id is string => Boolean(id));
    await this.flags.raiseNow({
      kind: IntegrityFlagKind.SharedDevice,
      classId: facts.class_id,
      sessionId: facts.id,
      userIds,
      details: { device: deviceId },
      dedupeKey: `shared-device:${facts.id}:${deviceId}:${userId}`,
      raisedBy: null,
    });
    throw conflict(
      'attendance.device-used',
      'Another account has already checked in from this device for this session.',
    );
  }
}

function isDeviceClash(error: unknown): boolean {
  const pgError = (error instanceof QueryFailedError ? error.driverError : error) as
    { code?: string; constraint?: string } | undefined;
  return pgError?.code === '23505' && pgError.constraint === 'attendance_records_device_key';
}
