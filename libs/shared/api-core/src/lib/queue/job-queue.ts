import { SetMetadata } from '@nestjs/common';

/** What a processor receives, whichever engine carried the job. */
export interface JobEnvelope<TData = unknown> {
  /** Stable job id: the id of the event the job handles, so a redelivery is recognisable. */
  id: string;
  queue: string;
  name: string;
  data: TData;
  /** 1 on the first try. */
  attempt: number;
}

/** A queue processor. Delegates to a service; must be idempotent on `job.id`. */
export interface JobProcessor<TData = unknown> {
  handle(job: JobEnvelope<TData>): Promise<void>;
}

export interface AddJobOptions {
  jobId: string;
  /** Run no earlier than this many milliseconds from now (a deadline); the job may still run late. */
  delayMs?: number;
}

/** Producer side of the job queues: BullMQ on Redis, or in-process in embedded mode. */
export interface JobQueue {
  add(queue: string, name: string, data: unknown, options: AddJobOptions): Promise<void>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');
/** True in processes that run job processors (the worker; the api in embedded mode): they also run periodic sweeps. */
export const RUNS_CONSUMERS = Symbol('RUNS_CONSUMERS');
export const JOB_PROCESSOR_QUEUE = Symbol('JOB_PROCESSOR_QUEUE');

/** Marks a provider as the processor of one queue. */
export const ProcessorFor = (queue: string): ClassDecorator => SetMetadata(JOB_PROCESSOR_QUEUE, queue);

/** Retry policy for every job, whichever engine runs it. */
export const JOB_ATTEMPTS = 8;
export const JOB_BACKOFF_MS = 1000;
