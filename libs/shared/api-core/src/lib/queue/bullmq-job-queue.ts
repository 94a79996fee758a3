import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AddJobOptions, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobQueue } from './job-queue';

/** Default options of every BullMQ job: the one place they are set. */
export const BULLMQ_DEFAULT_JOB_OPTIONS = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
  // Kept for a day so a relay that runs twice finds the job id and adds nothing.
  removeOnComplete: { age: 86_400, count: 50_000 },
  removeOnFail: { age: 7 * 86_400 },
} as const;

export class BullMqJobQueue implements JobQueue {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {}

  async add(queue: string, name: string, data: unknown, options: AddJobOptions): Promise<void> {
    await this.queue(queue).add(name, data, {
      ...BULLMQ_DEFAULT_JOB_OPTIONS,
      jobId: options.jobId,
      ...(options.delayMs && options.delayMs > 0 ? { delay: Math.ceil(options.delayMs) } : {}),
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }
}
