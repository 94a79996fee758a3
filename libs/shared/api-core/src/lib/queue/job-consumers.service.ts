import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OutboxRelay } from '../outbox/outbox-relay';
import { createWorkerConnection } from './redis';
import { InProcessJobQueue } from './in-process-job-queue';
import { JOB_PROCESSOR_QUEUE, JOB_QUEUE, JobProcessor, JobQueue } from './job-queue';

/**
 * Consumer side: finds every @ProcessorFor provider and runs it — as BullMQ
 * workers on Redis, or registered with the in-process queue — and starts the
 * outbox relay. Present only in the worker, and in the api in embedded mode.
 */
@Injectable()
export class JobConsumersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobConsumersService.name);
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly relay: OutboxRelay,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    for (const [queueName, processor] of this.processors()) {
      if (this.queue instanceof InProcessJobQueue) {
        this.queue.register(queueName, processor);
      } else {
        this.workers.push(this.startWorker(queueName, processor));
      }
      this.logger.log(`processing queue ${queueName}`);
    }
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    // BullMQ leaves connections it was given open; they are ours to close.
    this.connections.forEach((connection) => connection.disconnect());
  }

  private processors(): Map<string, JobProcessor> {
    const found = new Map<string, JobProcessor>();
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const queue = this.reflector.get<string | undefined>(JOB_PROCESSOR_QUEUE, wrapper.metatype);
      if (!queue) continue;
      if (found.has(queue)) throw new Error(`two processors for queue ${queue}`);
      found.set(queue, wrapper.instance as JobProcessor);
    }
    return found;
  }

  private startWorker(queueName: string, processor: JobProcessor): Worker {
    const connection = createWorkerConnection(this.config.redisUrl ?? '');
    this.connections.push(connection);
    const worker = new Worker(
      queueName,
      (job) =>
        processor.handle({
          id: job.id ?? '',
          queue: queueName,
          name: job.name,
          data: job.data as unknown,
          attempt: job.attemptsMade + 1,
        }),
      {
        connection,
        prefix: this.config.redisPrefix,
        concurrency: 8,
        // A worker that dies mid-job loses its lock after this long; another worker then retries the job.
        lockDuration: this.config.jobLockMs,
        stalledInterval: this.config.jobLockMs,
      },
    );
    worker.on('failed', (job, error) =>
      this.logger.warn(`job ${queueName}/${job?.name ?? '?'} ${job?.id ?? '?'} failed: ${error.message}`),
    );
    worker.on('error', (error) => this.logger.warn(`worker ${queueName}: ${error.message}`));
    return worker;
  }
}
