import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { HEARTBEAT_MAX_GAP_SECONDS, HeartbeatResponse, SessionStatus } from '@thuchoc/attendance/contracts';
import { notFound, ProblemException } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';
import { SessionAccess } from '../sessions/session-access';
import { SessionFacts } from '../sessions/session-facts';
import { PRESENCE_STORE, PresenceSnapshot, PresenceStore, StoredCheck } from './presence-store';

const MAX_GAP_MS = HEARTBEAT_MAX_GAP_SECONDS * 1000;

export const presenceUnavailable = () =>
  new ProblemException(
    HttpStatus.SERVICE_UNAVAILABLE,
    'attendance.presence-unavailable',
    'Live presence is briefly unavailable; the page keeps trying.',
    undefined,
    { 'Retry-After': '5' },
  );

/**
 * Verified presence: heartbeats count into the presence store; a flush copies
 * the counters into attendance_records. A store that lost a session (a Redis
 * restart) is reloaded from PostgreSQL on its next beat, so presence resumes
 * from the last flush.
 */
@Injectable()
export class PresenceService {
  private readonly logger = new Logger(PresenceService.name);

  constructor(
    @Inject(PRESENCE_STORE) private readonly store: PresenceStore,
    private readonly dataSource: DataSource,
    private readonly access: SessionAccess,
  ) {}

  async heartbeat(userId: string, sessionId: string): Promise<HeartbeatResponse> {
    const now = Date.now();
    let outcome = await this.guard(() => this.store.beat(sessionId, userId, now, MAX_GAP_MS));
    if (outcome.kind === 'unknown-session' || outcome.kind === 'not-enrolled') {
      // First beat of this session here, a store that lost its data, or a roster older than an enrollment.
      const facts = await this.access.forLearner(userId, sessionId);
      await this.load(facts);
      outcome = await this.guard(() => this.store.beat(sessionId, userId, now, MAX_GAP_MS));
      if (outcome.kind === 'not-enrolled' || outcome.kind === 'unknown-session')
        throw notFound('class-session.not-found', 'No such session in your scope.');
    }
    if (outcome.kind === 'not-live') {
      const rows: { presence_seconds: number }[] = await this.dataSource.query(
        'SELECT presence_seconds FROM attendance_records WHERE session_id = $1 AND user_id = $2',
        [sessionId, userId],
      );
      return {
        presenceSeconds: rows[0]?.presence_seconds ?? 0,
        pendingCheck: null,
        sessionStatus: outcome.status as SessionStatus,
      };
    }
    return {
      presenceSeconds: Math.floor(outcome.presenceMs / 1000),
      pendingCheck: toPending(outcome.pendingCheck),
      sessionStatus: SessionStatus.Live,
    };
  }

  /** Loads (or reloads) a session into the store from PostgreSQL. */
  async load(facts: SessionFacts): Promise<void> {
    const [roster, flushed] = await Promise.all([
      this.dataSource.query(
        `SELECT user_id FROM enrollments WHERE class_id = $1 AND status IN ('active', 'completed', 'failed')`,
        [facts.class_id],
      ) as Promise<{ user_id: string }[]>,
      this.dataSource.query(
        'SELECT user_id, presence_seconds FROM attendance_records WHERE session_id = $1 AND presence_seconds > 0',
        [facts.id],
      ) as Promise<{ user_id: string; presence_seconds: number }[]>,
    ]);
    await this.guard(() =>
      this.store.load(facts.id, {
        status: facts.status,
        openedAtMs: facts.opened_at?.getTime() ?? 0,
        closedAtMs: facts.closed_at?.getTime() ?? null,
        roster: roster.map((row) => row.user_id),
        presenceSeconds: new Map(flushed.map((row) => [row.user_id, row.presence_seconds])),
      }),
    );
  }

  async setStatus(sessionId: string, status: SessionStatus, closedAt: Date | null): Promise<void> {
    await this.guard(() => this.store.setStatus(sessionId, status, closedAt?.getTime() ?? null));
  }

  /** Who beat and how much presence they have, for the live roster and attention checks. */
  async snapshot(facts: SessionFacts): Promise<PresenceSnapshot> {
    const snapshot = await this.guard(() => this.store.snapshot(facts.id));
    if (snapshot.presenceMs.size === 0 && facts.status === SessionStatus.Live) await this.load(facts);
    return snapshot;
  }

  async setCheck(sessionId: string, check: StoredCheck, recipients: readonly string[]): Promise<void> {
    await this.guard(() => this.store.setCheck(sessionId, check, recipients));
  }

  async clearPending(sessionId: string, checkId: string, userId: string): Promise<boolean> {
    return this.guard(() => this.store.clearPending(sessionId, checkId, userId));
  }

  /**
   * Copies one session's counters to attendance_records. Monotone (GREATEST),
   * so a flush racing another flush or a reload never lowers a learner's time.
   */
  async flush(sessionId: string): Promise<number> {
    const { presenceMs } = await this.guard(() => this.store.snapshot(sessionId));
    const users: string[] = [];
    const seconds: number[] = [];
    for (const [userId, ms] of presenceMs) {
      if (ms < 1000) continue;
      users.push(userId);
      seconds.push(Math.floor(ms / 1000));
    }
    if (users.length === 0) return 0;
    await this.dataSource.query(
      `INSERT INTO attendance_records (session_id, user_id, class_id, presence_seconds)
       SELECT $1, u.user_id, s.class_id, u.seconds
         FROM unnest($2::uuid[], $3::int[]) AS u(user_id, seconds)
         JOIN class_sessions s ON s.id = $1
       ON CONFLICT (session_id, user_id) DO UPDATE
         SET presence_seconds = GREATEST(attendance_records.presence_seconds, EXCLUDED.presence_seconds)
       WHERE attendance_records.finalised_at IS NULL`,
      [sessionId, users, seconds],
    );
    return users.length;
  }

  async drop(sessionId: string): Promise<void> {
    await this.guard(() => this.store.drop(sessionId));
  }

  /** Flushes every session the store holds; drops those already finalised. */
  async flushAll(): Promise<void> {
    const sessions = await this.guard(() => this.store.activeSessions());
    if (sessions.length === 0) return;
    const finalised: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM class_sessions WHERE id = ANY($1::uuid[]) AND status = 'finalised'`,
      [sessions],
    );
    const done = new Set(finalised.map((row) => row.id));
    for (const sessionId of sessions) {
      try {
        if (done.has(sessionId)) await this.store.drop(sessionId);
        else await this.flush(sessionId);
      } catch (error) {
        this.logger.warn(`presence flush of ${sessionId} failed: ${(error as Error).message}`);
      }
    }
  }

  /** Time on a self-paced lesson: the same gap rule as live presence, kept per learner and lesson. */
  async lessonBeat(userId: string, lessonId: string): Promise<number> {
    const rows: { seconds: number }[] = await this.dataSource.query(
      `INSERT INTO lesson_presence (lesson_id, user_id, seconds, updated_at)
       SELECT l.id, $2, 0, now() FROM lessons l
        WHERE l.id = $1 AND EXISTS (
          SELECT 1 FROM classes c JOIN enrollments e ON e.class_id = c.id
           WHERE c.course_id = l.course_id AND e.user_id = $2 AND e.status IN ('active', 'completed')
             AND c.status IN ('open', 'running'))
       ON CONFLICT (lesson_id, user_id) DO UPDATE
         SET seconds = lesson_presence.seconds + CASE
               WHEN now() - lesson_presence.updated_at <= make_interval(secs => $3)
               THEN round(extract(epoch FROM now() - lesson_presence.updated_at))::int ELSE 0 END,
             updated_at = now()
       RETURNING seconds`,
      [lessonId, userId, HEARTBEAT_MAX_GAP_SECONDS],
    );
    if (!rows[0]) throw notFound('lesson.not-found', 'No such lesson in your classes.');
    return rows[0].seconds;
  }

  /** Store calls fail fast while Redis is down: the caller answers 503 instead of waiting. */
  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ProblemException) throw error;
      this.logger.warn(`presence store unavailable: ${(error as Error).message}`);
      throw presenceUnavailable();
    }
  }
}

export function toPending(check: StoredCheck | null): HeartbeatResponse['pendingCheck'] {
  return check
    ? { id: check.id, code: check.code, expiresAt: new Date(check.expiresAtMs).toISOString() }
    : null;
}
