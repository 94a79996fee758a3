import { Inject, Injectable } from '@nestjs/common';
import {
  ASSESSMENTS_QUEUE,
  AssessmentsJobType,
  AttemptEventType,
  SubmissionKind,
} from '@thuchoc/assessments/contracts';
import { APP_CONFIG, AppConfig, KeyedBatcher, OUTBOX_INSERT, OutboxService } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';
import { ATTEMPT_SUMMARY_COLUMNS, AttemptSummaryRow } from './attempt-row';

/** Active attempts past their deadline and grace, read by one sweep. */
const SWEEP_BATCH = 500;

/** One learner's submit, waiting for its statement. */
interface LearnerSubmit {
  attemptId: string;
  userId: string;
  deviceId: string | null;
}

/**
 * Submitting an attempt: one statement holds the conditional UPDATE (`WHERE
 * status = 'active'` and the deadline test), its history event and the outbox
 * event that gets it graded, so all three happen or none, in one round trip.
 * Two submits at once give one submission: the second UPDATE finds the row no
 * longer active (or, in one batched statement, the row is updated once).
 */
@Injectable()
export class AttemptClosing {
  private readonly learnerSubmits = new KeyedBatcher<LearnerSubmit, AttemptSummaryRow | null>(
    (_key, submits) => this.closeByLearners(submits),
    { maxBatch: 200, maxInFlight: 4 },
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The learner's submit, accepted until the deadline plus grace; null when
   * the attempt is not theirs to submit now. Submits arriving together (the
   * last seconds before a deadline) share one statement.
   */
  submitByLearner(
    attemptId: string,
    userId: string,
    deviceId: string | null,
  ): Promise<AttemptSummaryRow | null> {
    return this.learnerSubmits.add(SubmissionKind.Learner, { attemptId, userId, deviceId });
  }

  /**
   * The server's submit of an attempt whose deadline plus grace has passed,
   * dated at its deadline; null if it was submitted already or is not due.
   * Safe to run twice and from several workers at once.
   */
  async autoSubmit(attemptId: string): Promise<AttemptSummaryRow | null> {
    const rows: AttemptSummaryRow[] = await this.dataSource.query(
      `WITH closed AS (
         UPDATE quiz_attempts a SET status = 'submitted', submission = '${SubmissionKind.Auto}', submitted_at = a.deadline
          WHERE a.id = $1 AND a.status = 'active' AND a.deadline + make_interval(secs => $2) <= now()
          RETURNING ${ATTEMPT_SUMMARY_COLUMNS}),
       logged AS (
         INSERT INTO attempt_events (attempt_id, type) SELECT id, '${AttemptEventType.AutoSubmitted}' FROM closed),
       queued AS (
         ${OUTBOX_INSERT}
         SELECT $3::text, $4::text, jsonb_build_object('attemptId', id) FROM closed)
       SELECT * FROM closed`,
      [attemptId, this.config.attemptGraceSeconds, AssessmentsJobType.AttemptSubmitted, ASSESSMENTS_QUEUE],
    );
    if (!rows[0]) return null;
    this.outbox.published();
    return rows[0];
  }

  /** Submits the attempts whose deadline job was lost (Redis or a worker died); answers how many. */
  async sweepDue(): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM quiz_attempts
        WHERE status = 'active' AND deadline + make_interval(secs => $1) <= now()
        ORDER BY deadline LIMIT $2`,
      [this.config.attemptGraceSeconds, SWEEP_BATCH],
    );
    let submitted = 0;
    for (const { id } of due) if (await this.autoSubmit(id)) submitted++;
    return submitted;
  }

  /**
   * The deadline job of a quiz's attempts due at `dueAt` (see deadline-jobs):
   * auto-submits each active one whose deadline, at or before `dueAt`, has
   * passed with its grace. Answers how many it submitted and how many such
   * attempts are not due yet (the job ran early: clocks differ).
   */
  async autoSubmitDue(quizId: string, dueAt: Date): Promise<{ submitted: number; notYetDue: number }> {
    const rows: { id: string; is_due: boolean }[] = await this.dataSource.query(
      `SELECT id, deadline + make_interval(secs => $3) <= now() AS is_due FROM quiz_attempts
        WHERE quiz_id = $1 AND status = 'active' AND deadline <= $2`,
      [quizId, dueAt, this.config.attemptGraceSeconds],
    );
    let submitted = 0;
    for (const row of rows) if (row.is_due && (await this.autoSubmit(row.id))) submitted++;
    return { submitted, notYetDue: rows.filter((row) => !row.is_due).length };
  }

  /** Learners' submits in one statement: each row closes only its owner's active attempt before deadline plus grace. */
  private async closeByLearners(submits: LearnerSubmit[]): Promise<(AttemptSummaryRow | null)[]> {
    const rows: (AttemptSummaryRow & { user_id: string })[] = await this.dataSource.query(
      `WITH i AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS i(id, user_id, device_id)),
       closed AS (
         UPDATE quiz_attempts a SET status = 'submitted', submission = '${SubmissionKind.Learner}', submitted_at = now()
           FROM i
          WHERE a.id = i.id AND a.user_id = i.user_id AND a.status = 'active'
            AND a.deadline + make_interval(secs => $4) > now()
          RETURNING ${ATTEMPT_SUMMARY_COLUMNS}, a.user_id),
       logged AS (
         INSERT INTO attempt_events (attempt_id, type, device_id)
         SELECT c.id, '${AttemptEventType.Submitted}',
                (SELECT i.device_id FROM i WHERE i.id = c.id AND i.user_id = c.user_id LIMIT 1)
           FROM closed c),
       queued AS (
         ${OUTBOX_INSERT}
         SELECT $5::text, $6::text, jsonb_build_object('attemptId', id) FROM closed)
       SELECT * FROM closed`,
      [
        submits.map((submit) => submit.attemptId),
        submits.map((submit) => submit.userId),
        submits.map((submit) => submit.deviceId),
        this.config.attemptGraceSeconds,
        AssessmentsJobType.AttemptSubmitted,
        ASSESSMENTS_QUEUE,
      ],
    );
    if (rows.length > 0) this.outbox.published();
    const closed = new Map(rows.map((row) => [`${row.id} ${row.user_id}`, row]));
    return submits.map((submit) => closed.get(`${submit.attemptId} ${submit.userId}`) ?? null);
  }
}
