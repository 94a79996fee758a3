import { Inject, Injectable } from '@nestjs/common';
import { CheckInMethod } from '@thuchoc/attendance/contracts';
import { APP_CONFIG, AppConfig, KeyedBatcher } from '@thuchoc/shared/api-core';
import type { Pool, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import { RecordRow } from '../finalisation/record-row';

/** One learner's check-in with a right code, as the write needs it. */
export interface CheckInWrite {
  sessionId: string;
  classId: string;
  /** Check-ins after this instant are late. */
  lateAfter: Date;
  userId: string;
  method: CheckInMethod;
  deviceId: string;
  ip: string;
}

/**
 * The learner's record after the write and whether this request made it the
 * checked-in one; null when the statement saw no check-in of theirs (not an
 * active learner, the session no longer live, or a concurrent request of
 * theirs not yet committed when it began).
 */
export type CheckInWritten = { row: RecordRow; isNew: boolean } | null;

/** A storm of 15,000 requests becomes a few hundred statements; a lone check-in leaves at once. */
const MAX_BATCH = 100;
const MAX_IN_FLIGHT = 4;

/**
 * The check-ins of one session in one statement and round trip:
 * - `allowed`: each learner once (a learner's repeats in the same batch are
 *   answered from the first), if the session is live and they are active in
 *   the class;
 * - `inserted`: the record, new (DO NOTHING: a repeat neither locks nor
 *   writes the existing row, so it costs PostgreSQL no WAL flush);
 * - `completed`: else a record the presence flush created before the
 *   check-in (no check-in time yet) gets it — re-checked under the row lock,
 *   so of two racing requests one wins;
 * - else the learner's earlier check-in, when it committed before this
 *   statement began (a truly concurrent one is read afterwards, row by row).
 * The unique index on (session, device) fails the whole statement on a shared
 * device; the batcher then sends each check-in alone, so only that one fails.
 */
const CHECK_IN_STATEMENT = 'attendance.check-in-batch';
const CHECK_IN = `
  WITH i AS (
    SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS i(user_id, method, device_id, ip, n)
  ), allowed AS (
    SELECT DISTINCT ON (i.user_id) i.* FROM i
     WHERE EXISTS (SELECT 1 FROM class_sessions s WHERE s.id = $1 AND s.status = 'live')
       AND EXISTS (SELECT 1 FROM enrollments e WHERE e.class_id = $6 AND e.user_id = i.user_id AND e.status = 'active')
     ORDER BY i.user_id, i.n
  ), inserted AS (
    INSERT INTO attendance_records (session_id, user_id, class_id, checked_in_at, check_in_method, device_id, ip, is_late)
    SELECT $1, a.user_id, $6, now(), a.method, a.device_id, a.ip, now() > $7 FROM allowed a ORDER BY a.n
    ON CONFLICT (session_id, user_id) DO NOTHING
    RETURNING *
  ), completed AS (
    UPDATE attendance_records r
       SET checked_in_at = now(), check_in_method = a.method, device_id = a.device_id, ip = a.ip, is_late = now() > $7
      FROM allowed a
     WHERE r.session_id = $1 AND r.user_id = a.user_id AND r.checked_in_at IS NULL AND r.finalised_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM inserted x WHERE x.user_id = a.user_id)
    RETURNING r.*
  )
  SELECT inserted.*, true AS is_new FROM inserted
  UNION ALL
  SELECT completed.*, true AS is_new FROM completed
  UNION ALL
  SELECT r.*, false AS is_new FROM attendance_records r JOIN allowed a ON a.user_id = r.user_id
   WHERE r.session_id = $1 AND r.checked_in_at IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM inserted x WHERE x.user_id = r.user_id)
     AND NOT EXISTS (SELECT 1 FROM completed c WHERE c.user_id = r.user_id)`;

/**
 * The check-in write, batched per session: the primary key makes concurrent
 * and repeated check-ins of a learner leave one record (the first stands),
 * and the unique index on (session, device) refuses a second account on the
 * same device — no read-then-write anywhere.
 */
@Injectable()
export class CheckInWrites {
  private readonly batcher = new KeyedBatcher<CheckInWrite, CheckInWritten>(
    (_key, writes) => this.writeBatch(writes),
    { maxBatch: MAX_BATCH, maxInFlight: MAX_IN_FLIGHT },
  );

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  write(write: CheckInWrite): Promise<CheckInWritten> {
    return this.batcher.add(`${write.sessionId} ${write.classId} ${write.lateAfter.toISOString()}`, write);
  }

  private async writeBatch(writes: CheckInWrite[]): Promise<CheckInWritten[]> {
    const { sessionId, classId, lateAfter } = writes[0];
    const rows = await this.preparedQuery<RecordRow & { is_new: boolean }>(CHECK_IN_STATEMENT, CHECK_IN, [
      sessionId,
      writes.map((write) => write.userId),
      writes.map((write) => write.method),
      writes.map((write) => write.deviceId),
      writes.map((write) => write.ip),
      classId,
      lateAfter,
    ]);
    const byUser = new Map(rows.map((row) => [row.user_id, row]));
    const answered = new Set<string>();
    return writes.map((write) => {
      const row = byUser.get(write.userId);
      if (!row) return null;
      // The learner's first request in the batch made the record; their repeats in it did not.
      const isNew = row.is_new && !answered.has(write.userId);
      answered.add(write.userId);
      return { row, isNew };
    });
  }

  /**
   * The hot statement as a named prepared statement on the pool under
   * TypeORM: PostgreSQL parses and plans it once per connection instead of on
   * every statement of a check-in storm.
   */
  private async preparedQuery<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    // The embedded engine serves every client connection from one session, where a name prepared through one
    // connection is already taken for the next: there the statement goes unnamed, as TypeORM sends it.
    if (this.config.databaseUrl === null) return this.dataSource.query(text, values);
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    return (await pool.query<T & QueryResultRow>({ name, text, values })).rows;
  }
}
