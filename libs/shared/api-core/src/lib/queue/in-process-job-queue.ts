import { Logger } from '@nestjs/common';
import { AddJobOptions, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobProcessor, JobQueue } from './job-queue';

/**
 * The embedded engine's queue: runs the same processors in this process. `add`
 * resolves only once the processor has succeeded (retrying with the same
 * backoff as BullMQ), so the outbox marks an event relayed only after its work
 * is done and a crash mid-job leaves it to be relayed again.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly logger = new Logger(InProcessJobQueue.name);
  private readonly processors = new Map<string, JobProcessor>();

  constructor(private readonly backoffMs = JOB_BACKOFF_MS) {}

  register(queue: string, processor: JobProcessor): void {
    this.processors.set(queue, processor);
  }

  async add(queue: string, name: string, data: unknown, options: AddJobOptions): Promise<void> {
    const processor = this.processors.get(queue);
    if (!processor) throw new Error(`no processor for queue ${queue}`);
    for (let attempt = 1; ; attempt++) {
      try {
        await processor.handle({ id: options.jobId, queue, name, data, attempt });
        return;
      } catch (error) {
        if (attempt >= JOB_ATTEMPTS) throw error;
        this.logger.warn(
          `job ${queue}/${name} ${options.jobId} failed (attempt ${attempt}): ${String(error)}`,
        );
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs * 2 ** (attempt - 1)));
      }
    }
  }
}
