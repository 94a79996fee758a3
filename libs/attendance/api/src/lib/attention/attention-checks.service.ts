import { Injectable } from '@nestjs/common';
import {
  ATTENTION_CHECK_SECONDS,
  AttentionAnswerResponse,
  AttentionCheckSummary,
  PRESENT_WINDOW_SECONDS,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { Principal } from '@thuchoc/identity/api';
import { conflict, notFound } from '@thuchoc/shared/api-core';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LiveEvents } from '../live/live-events';
import { PresenceService } from '../presence/presence.service';
import { SessionAccess } from '../sessions/session-access';
import { SessionFacts } from '../sessions/session-facts';

interface CheckRow {
  id: string;
  fired_at: Date;
  expires_at: Date;
  is_automatic: boolean;
  recipients: number;
  answered: number;
}

/** Four digits to read and type back: a click-anything script does not pass. */
export const newAttentionCode = (): string => String(randomInt(0, 10_000)).padStart(4, '0');

/** Learners whose last beat is recent enough to count them present now. */
export function presentLearners(lastBeatMs: ReadonlyMap<string, number>, nowMs: number): string[] {
  const since = nowMs - PRESENT_WINDOW_SECONDS * 1000;
  return [...lastBeatMs].filter(([, at]) => at >= since).map(([userId]) => userId);
}

/**
 * Attention checks: fired by the lecturer or at the session's random times,
 * sent to every learner present at that moment, answered with the code
 * within the time limit. Each recipient gets a response row, so a missed
 * check is a recorded fact, not an absence of data.
 */
@Injectable()
export class AttentionChecksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SessionAccess,
    private readonly presence: PresenceService,
    private readonly live: LiveEvents,
  ) {}

  async fireByHand(principal: Principal, sessionId: string): Promise<AttentionCheckSummary> {
    const facts = await this.access.forStaff(principal, sessionId, 'run');
    const fired = await this.fire(facts, principal.userId, null);
    if (!fired)
      throw conflict('attendance.session-not-live', 'Attention checks run only while the session is live.');
    return fired;
  }

  /** Fires the session's next automatic check if one is due; returns whether it did. */
  async fireDue(sessionId: string): Promise<boolean> {
    const facts = await this.access.facts(sessionId);
    const due = facts.auto_checks_at.filter((at) => at.getTime() <= Date.now()).length;
    return (await this.fire(facts, null, due)) !== null;
  }

  list(sessionId: string): Promise<AttentionCheckSummary[]> {
    return this.dataSource
      .query(
        `SELECT c.id, c.fired_at, c.expires_at, c.is_automatic,
                count(r.user_id)::int AS recipients, count(r.answered_at)::int AS answered
           FROM attention_checks c LEFT JOIN attention_responses r ON r.check_id = c.id
          WHERE c.session_id = $1 GROUP BY c.id ORDER BY c.fired_at`,
        [sessionId],
      )
      .then((rows: CheckRow[]) => rows.map(toSummary));
  }

  async answer(userId: string, checkId: string, code: string): Promise<AttentionAnswerResponse> {
    const rows: {
      session_id: string;
      code: string;
      expires_at: Date;
      answered_at: Date | null;
      session_status: SessionStatus;
    }[] = await this.dataSource.query(
      `SELECT c.session_id, c.code, c.expires_at, r.answered_at, s.status AS session_status
         FROM attention_checks c JOIN attention_responses r ON r.check_id = c.id AND r.user_id = $2
         JOIN class_sessions s ON s.id = c.session_id
        WHERE c.id = $1`,
      [checkId, userId],
    );
    const check = rows[0];
    if (!check) throw notFound('attention-check.not-found', 'No such attention check for you.');
    if (check.answered_at) return { isCorrect: true, answeredAt: check.answered_at.toISOString() };
    // Once the session closes, its checks are settled: an answer then would not count, so it is not taken.
    if (check.expires_at.getTime() < Date.now() || check.session_status !== SessionStatus.Live)
      throw conflict('attendance.attention-check-expired', 'The time to answer this check is over.');
    if (code.trim() !== check.code) {
      await this.dataSource.query(
        'UPDATE attention_responses SET wrong_attempts = wrong_attempts + 1 WHERE check_id = $1 AND user_id = $2',
        [checkId, userId],
      );
      return { isCorrect: false, answeredAt: null };
    }
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [answered]: [{ answered_at: Date }[], number] = await this.dataSource.query(
      `UPDATE attention_responses r SET answered_at = now()
         FROM attention_checks c
        WHERE r.check_id = $1 AND r.user_id = $2 AND c.id = r.check_id AND r.answered_at IS NULL
          AND c.expires_at >= now()
          AND EXISTS (SELECT 1 FROM class_sessions s WHERE s.id = c.session_id AND s.status = 'live')
        RETURNING r.answered_at`,
      [checkId, userId],
    );
    if (!answered[0]) return this.answer(userId, checkId, code);
    await this.presence.clearPending(check.session_id, checkId, userId).catch(() => false);
    return { isCorrect: true, answeredAt: answered[0].answered_at.toISOString() };
  }

  /**
   * Writes the check and one response row per present learner, then pushes it.
   * `automaticDue` (automatic checks only): fire only while fewer automatic
   * checks exist than are due — decided under the session row lock, so two
   * sweepers never fire the same one twice.
   */
  private async fire(
    facts: SessionFacts,
    firedBy: string | null,
    automaticDue: number | null,
  ): Promise<AttentionCheckSummary | null> {
    if (facts.status !== SessionStatus.Live) return null;
    const { lastBeatMs } = await this.presence.snapshot(facts);
    const recipients = presentLearners(lastBeatMs, Date.now());
    const code = newAttentionCode();
    const row = await this.dataSource.transaction(async (tx) => {
      const locked = await this.access.lock(tx, facts.id);
      if (locked.status !== SessionStatus.Live) return null;
      if (automaticDue !== null) {
        const [{ fired }]: { fired: number }[] = await tx.query(
          'SELECT count(*)::int AS fired FROM attention_checks WHERE session_id = $1 AND is_automatic',
          [facts.id],
        );
        if (fired >= automaticDue) return null;
      }
      const [check]: CheckRow[] = await tx.query(
        `INSERT INTO attention_checks (session_id, code, expires_at, fired_by, is_automatic)
         VALUES ($1, $2, now() + make_interval(secs => $3), $4, $5)
         RETURNING id, fired_at, expires_at, is_automatic, $6::int AS recipients, 0 AS answered`,
        [facts.id, code, ATTENTION_CHECK_SECONDS, firedBy, automaticDue !== null, recipients.length],
      );
      await tx.query(`INSERT INTO attention_responses (check_id, user_id) SELECT $1, unnest($2::uuid[])`, [
        check.id,
        recipients,
      ]);
      return check;
    });
    if (!row) return null;
    const stored = { id: row.id, code, expiresAtMs: row.expires_at.getTime() };
    const pending = { id: row.id, code, expiresAt: row.expires_at.toISOString() };
    await this.presence.setCheck(facts.id, stored, recipients);
    await this.live.publish(facts.id, {
      event: { type: 'attention-check', check: pending },
      userIds: recipients,
    });
    return toSummary(row);
  }
}

function toSummary(row: CheckRow): AttentionCheckSummary {
  return {
    id: row.id,
    firedAt: row.fired_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    isAutomatic: row.is_automatic,
    recipients: Number(row.recipients),
    answered: Number(row.answered),
  };
}
