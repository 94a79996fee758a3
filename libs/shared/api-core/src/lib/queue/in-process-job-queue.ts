import { Logger } from '@nestjs/common';
import { AddJobOptions, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobProcessor, JobQueue } from './job-queue';

/**
 * The embedded engine's queue: runs the same processors in this process. `add`
 * resolves only once the processor has succeeded (retrying with the same
 * backoff as BullMQ), so the outbox marks an event relayed only after its work
 * is done and a crash mid-job leaves it to be relayed again. A delayed job is
 * only a timer: `add` resolves at once, and a restart forgets it, so delayed
 * work must also be found by a sweep (as attempt deadlines are).
 */
export class InProcessJobQueue implements JobQueue {
  private readonly logger = new Logger(InProcessJobQueue.name);
  private readonly processors = new Map<string, JobProcessor>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly backoffMs = JOB_BACKOFF_MS) {}

  register(queue: string, processor: JobProcessor): void {
    this.processors.set(queue, processor);
  }

  async add(queue: string, name: string, data: unknown, options: AddJobOptions): Promise<void> {
    const processor = this.processors.get(queue);
    if (!processor) throw new Error(`no processor for queue ${queue}`);
    if (options.delayMs && options.delayMs > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.run(processor, queue, name, data, options.jobId).catch((error: unknown) =>
          this.logger.warn(`delayed job ${queue}/${name} ${options.jobId} failed: ${String(error)}`),
        );
      }, options.delayMs);
      timer.unref();
      this.timers.add(timer);
      return;
    }
    await this.run(processor, queue, name, data, options.jobId);
  }

  /** Forgets the delayed jobs not yet due (the process is stopping). */
  close(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }

  private async run(
    processor: JobProcessor,
    queue: string,
    name: string,
    data: unknown,
    jobId: string,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await processor.handle({ id: jobId, queue, name, data, attempt });
        return;
      } catch (error) {
        if (attempt >= JOB_ATTEMPTS) throw error;
        this.logger.warn(`job ${queue}/${name} ${jobId} failed (attempt ${attempt}): ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs * 2 ** (attempt - 1)));
      }
    }
  }
}
