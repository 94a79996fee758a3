import { AttemptsDueJobData } from '@thuchoc/assessments/contracts';

/**
 * An attempt's deadline job covers every attempt of its quiz whose deadline
 * falls in the same second: its `dueAt` is that second rounded up, so an
 * attempt is never submitted before its own deadline (plus grace).
 */
export interface DeadlineJob {
  jobId: string;
  data: AttemptsDueJobData;
  dueAtMs: number;
}

export function deadlineJob(quizId: string, deadline: Date): DeadlineJob {
  const second = Math.ceil(deadline.getTime() / 1000);
  const dueAtMs = second * 1000;
  return {
    jobId: `attempts-due:${quizId}:${second}`,
    data: { quizId, dueAt: new Date(dueAtMs).toISOString() },
    dueAtMs,
  };
}

/** Jobs this process remembers having queued; past that, a repeat is queued again (the queue ignores it by id). */
const MAX_REMEMBERED = 10_000;

/**
 * The deadline jobs this process has queued, so that the starts sharing one
 * (every learner of a quiz whose deadline is its close) queue it once instead
 * of once per attempt. Only a saving: the queue dedupes by job id anyway, and
 * the sweeper submits what any lost job missed.
 */
export class QueuedDeadlines {
  private readonly dueAtById = new Map<string, number>();

  constructor(private readonly max = MAX_REMEMBERED) {}

  /** True the first time a job is seen (and remembers it); false while it is remembered. */
  claim(job: DeadlineJob, nowMs: number): boolean {
    if (this.dueAtById.has(job.jobId)) return false;
    if (this.dueAtById.size >= this.max) this.forgetPast(nowMs);
    if (this.dueAtById.size >= this.max) this.dueAtById.delete(this.dueAtById.keys().next().value as string);
    this.dueAtById.set(job.jobId, job.dueAtMs);
    return true;
  }

  /** A job that failed to queue: the next start sharing it tries again. */
  release(job: DeadlineJob): void {
    this.dueAtById.delete(job.jobId);
  }

  get size(): number {
    return this.dueAtById.size;
  }

  private forgetPast(nowMs: number): void {
    for (const [id, dueAtMs] of this.dueAtById) if (dueAtMs < nowMs) this.dueAtById.delete(id);
  }
}
