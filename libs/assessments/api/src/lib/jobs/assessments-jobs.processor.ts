import { Injectable } from '@nestjs/common';
import {
  ASSESSMENTS_QUEUE,
  AssessmentsJobType,
  AttemptJobData,
  AttemptsDueJobData,
} from '@thuchoc/assessments/contracts';
import { JobEnvelope, JobProcessor, ProcessorFor } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';
import { AttemptClosing } from '../attempts/attempt-closing';
import { GradingService } from '../grading/grading.service';
import { SimilarityFlagsService } from '../similarity-flags/similarity-flags.service';

type AssessmentsJobData = AttemptJobData | AttemptsDueJobData;

/**
 * Attempt deadlines (delayed jobs per quiz and second, see deadline-jobs) and
 * grading plus essay similarity screening (outbox events, job id = event id).
 * All are safe to run twice.
 */
@Injectable()
@ProcessorFor(ASSESSMENTS_QUEUE)
export class AssessmentsJobsProcessor implements JobProcessor<AssessmentsJobData> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly closing: AttemptClosing,
    private readonly grading: GradingService,
    private readonly similarity: SimilarityFlagsService,
  ) {}

  async handle(job: JobEnvelope<AssessmentsJobData>): Promise<void> {
    switch (job.name) {
      case AssessmentsJobType.AttemptsDue: {
        const { quizId, dueAt } = job.data as AttemptsDueJobData;
        const { notYetDue } = await this.closing.autoSubmitDue(quizId, new Date(dueAt));
        // A job that ran a moment early (clocks differ) fails, to be retried after its backoff.
        if (notYetDue > 0) throw new Error(`${notYetDue} attempt(s) of quiz ${quizId} are not due yet`);
        return;
      }
      case AssessmentsJobType.AttemptDue: {
        const { attemptId } = job.data as AttemptJobData;
        if (await this.closing.autoSubmit(attemptId)) return;
        await this.assertNotDue(attemptId);
        return;
      }
      case AssessmentsJobType.AttemptSubmitted: {
        const { attemptId } = job.data as AttemptJobData;
        // Two steps, each once per event: a retry after a failed screening does not grade again.
        await this.grading.grade(job.id, attemptId);
        await this.similarity.screen(job.id, attemptId);
        return;
      }
      default:
        return;
    }
  }

  /** A job that ran a moment early (clocks differ) fails, to be retried after its backoff. */
  private async assertNotDue(attemptId: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM quiz_attempts WHERE id = $1 AND status = 'active'`,
      [attemptId],
    );
    if (rows.length > 0) throw new Error(`attempt ${attemptId} is not due yet`);
  }
}
