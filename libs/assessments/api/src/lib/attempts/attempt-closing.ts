import { Inject, Injectable } from '@nestjs/common';
import {
  ASSESSMENTS_QUEUE,
  AssessmentsJobType,
  AttemptEventType,
  SubmissionKind,
} from '@thuchoc/assessments/contracts';
import { APP_CONFIG, AppConfig, OUTBOX_INSERT, OutboxService } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';
import { ATTEMPT_SUMMARY_COLUMNS, AttemptSummaryRow } from './attempt-row';

/** Active attempts past their deadline and grace, read by one sweep. */
const SWEEP_BATCH = 500;

/**
 * Submitting an attempt: one statement holds the conditional UPDATE (`WHERE
 * status = 'active'` and the deadline test), its history event and the outbox
 * event that gets it graded, so all three happen or none, in one round trip.
 * Two submits at once give one submission: the second UPDATE finds the row no
 * longer active.
 */
@Injectable()
export class AttemptClosing {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The learner's submit, accepted until the deadline plus grace; null when the attempt is not theirs to submit now. */
  submitByLearner(
    attemptId: string,
    userId: string,
    deviceId: string | null,
  ): Promise<AttemptSummaryRow | null> {
    return this.close(
      attemptId,
      SubmissionKind.Learner,
      `a.user_id = $3 AND a.deadline + make_interval(secs => $2) > now()`,
      [userId],
      'now()',
      deviceId,
    );
  }

  /**
   * The server's submit of an attempt whose deadline plus grace has passed,
   * dated at its deadline; null if it was submitted already or is not due.
   * Safe to run twice and from several workers at once.
   */
  autoSubmit(attemptId: string): Promise<AttemptSummaryRow | null> {
    return this.close(
      attemptId,
      SubmissionKind.Auto,
      `a.deadline + make_interval(secs => $2) <= now()`,
      [],
      'a.deadline',
      null,
    );
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

  private async close(
    attemptId: string,
    kind: SubmissionKind,
    condition: string,
    params: unknown[],
    submittedAt: 'now()' | 'a.deadline',
    deviceId: string | null,
  ): Promise<AttemptSummaryRow | null> {
    const event = kind === SubmissionKind.Auto ? AttemptEventType.AutoSubmitted : AttemptEventType.Submitted;
    const next = params.length + 3;
    const rows: AttemptSummaryRow[] = await this.dataSource.query(
      `WITH closed AS (
         UPDATE quiz_attempts a SET status = 'submitted', submission = '${kind}', submitted_at = ${submittedAt}
          WHERE a.id = $1 AND a.status = 'active' AND ${condition}
          RETURNING ${ATTEMPT_SUMMARY_COLUMNS}),
       logged AS (
         INSERT INTO attempt_events (attempt_id, type, device_id)
         SELECT id, '${event}', $${next}::text FROM closed),
       queued AS (
         ${OUTBOX_INSERT}
         SELECT $${next + 1}::text, $${next + 2}::text, jsonb_build_object('attemptId', id) FROM closed)
       SELECT * FROM closed`,
      [
        attemptId,
        this.config.attemptGraceSeconds,
        ...params,
        deviceId,
        AssessmentsJobType.AttemptSubmitted,
        ASSESSMENTS_QUEUE,
      ],
    );
    if (!rows[0]) return null;
    this.outbox.published();
    return rows[0];
  }
}
