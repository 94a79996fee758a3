import { Injectable } from '@nestjs/common';
import { ASSESSMENTS_QUEUE, AssessmentsJobType, AttemptJobData } from '@thuchoc/assessments/contracts';
import { JobEnvelope, JobProcessor, ProcessorFor } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';
import { AttemptClosing } from '../attempts/attempt-closing';
import { GradingService } from '../grading/grading.service';
import { SimilarityFlagsService } from '../similarity-flags/similarity-flags.service';

/**
 * Attempt deadlines (delayed jobs, job id = attempt id) and grading plus
 * essay similarity screening (outbox events, job id = event id). Both are safe to run twice.
 */
@Injectable()
@ProcessorFor(ASSESSMENTS_QUEUE)
export class AssessmentsJobsProcessor implements JobProcessor<AttemptJobData> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly closing: AttemptClosing,
    private readonly grading: GradingService,
    private readonly similarity: SimilarityFlagsService,
  ) {}

  async handle(job: JobEnvelope<AttemptJobData>): Promise<void> {
    switch (job.name) {
      case AssessmentsJobType.AttemptDue:
        if (await this.closing.autoSubmit(job.data.attemptId)) return;
        await this.assertNotDue(job.data.attemptId);
        return;
      case AssessmentsJobType.AttemptSubmitted:
        // Two steps, each once per event: a retry after a failed screening does not grade again.
        await this.grading.grade(job.id, job.data.attemptId);
        await this.similarity.screen(job.id, job.data.attemptId);
        return;
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
