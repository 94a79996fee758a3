import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { CheckInMethod, CheckInRequest, CheckInResponse, SessionStatus } from '@thuchoc/attendance/contracts';
import { IntegrityFlagKind } from '@thuchoc/integrity/contracts';
import { Principal } from '@thuchoc/identity/api';
import {
  badRequest,
  conflict,
  notFound,
  ProblemException,
  RateLimiterFactory,
  APP_CONFIG,
  AppConfig,
} from '@thuchoc/shared/api-core';
import { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Pool, QueryResultRow } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { IntegrityFlagsService } from '../flags/integrity-flags.service';
import { RecordRow, toRecordResponse } from '../finalisation/record-row';
import { SessionAccess } from '../sessions/session-access';
import { checkInWindow, policyOf, SessionFacts } from '../sessions/session-facts';
import { SessionLifecycleService } from '../sessions/session-lifecycle.service';
import { isCodeValid } from './check-in-code';

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
 * The check-in in one statement and round trip:
 * - `inserted`: the record, new (DO NOTHING: a repeat neither locks nor
 *   writes the existing row, so it costs PostgreSQL no WAL flush);
 * - `completed`: else a record the presence flush created before the
 *   check-in (no check-in time yet) gets it — re-checked under the row lock,
 *   so of two racing requests one wins;
 * - else the learner's earlier check-in, when it committed before this
 *   statement began (a truly concurrent one is read afterwards).
 */
const CHECK_IN_STATEMENT = 'attendance.check-in';
const CHECK_IN = `
  WITH allowed AS (
    SELECT 1 WHERE EXISTS (SELECT 1 FROM enrollments e WHERE e.class_id = $3 AND e.user_id = $2 AND e.status = 'active')
               AND EXISTS (SELECT 1 FROM class_sessions s WHERE s.id = $1 AND s.status = 'live')
  ), inserted AS (
    INSERT INTO attendance_records (session_id, user_id, class_id, checked_in_at, check_in_method, device_id, ip, is_late)
    SELECT $1, $2, $3, now(), $4, $5, $6, now() > $7 FROM allowed
    ON CONFLICT (session_id, user_id) DO NOTHING
    RETURNING *
  ), completed AS (
    UPDATE attendance_records r
       SET checked_in_at = now(), check_in_method = $4, device_id = $5, ip = $6, is_late = now() > $7
     WHERE r.session_id = $1 AND r.user_id = $2 AND r.checked_in_at IS NULL AND r.finalised_at IS NULL
       AND EXISTS (SELECT 1 FROM allowed) AND NOT EXISTS (SELECT 1 FROM inserted)
    RETURNING r.*
  )
  SELECT inserted.*, true AS is_new FROM inserted
  UNION ALL
  SELECT completed.*, true AS is_new FROM completed
  UNION ALL
  SELECT r.*, false AS is_new FROM attendance_records r
   WHERE r.session_id = $1 AND r.user_id = $2 AND r.checked_in_at IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM inserted) AND NOT EXISTS (SELECT 1 FROM completed)`;

/**
 * Check-in with the rotating code. The write is one statement: the primary
 * key makes concurrent and repeated check-ins of a learner leave one record
 * (the first stands), and a unique index on (session, device) refuses a
 * second account on the same device — no read-then-write anywhere.
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
    limiters: RateLimiterFactory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    let rows: (RecordRow & { is_new: boolean })[];
    try {
      rows = await this.preparedQuery(CHECK_IN_STATEMENT, CHECK_IN, [
        sessionId,
        userId,
        facts.class_id,
        method,
        principal.deviceId,
        ip,
        window.lateAfter,
      ]);
    } catch (error) {
      if (!isDeviceClash(error)) throw error;
      // The device's record may be this learner's own, written by a concurrent request of theirs.
      const holder = await this.deviceHolder(sessionId, principal.deviceId);
      if (holder !== userId) await this.refuseSharedDevice(facts, principal.deviceId, holder, userId);
      rows = [];
    }
    if (rows[0]) return { isNew: rows[0].is_new, record: toRecordResponse(rows[0], facts) };

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

  /**
   * The hot statement as a named prepared statement on the pool under
   * TypeORM: PostgreSQL parses and plans it once per connection instead of on
   * every one of a check-in storm's requests.
   */
  private async preparedQuery<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    // The embedded engine serves every client connection from one session, where a name prepared through one
    // connection is already taken for the next: there the statement goes unnamed, as TypeORM sends it.
    if (this.config.databaseUrl === null) return this.dataSource.query(text, values);
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    return (await pool.query<T & QueryResultRow>({ name, text, values })).rows;
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
