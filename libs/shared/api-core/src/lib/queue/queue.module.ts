import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxService } from '../outbox/outbox.service';
import { ProcessedEventsService } from '../outbox/processed-events.service';
import { BullMqJobQueue } from './bullmq-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { JOB_QUEUE, JobQueue, RUNS_CONSUMERS } from './job-queue';
import { JobConsumersService } from './job-consumers.service';
import { REDIS, createCommandConnection } from './redis';

export interface QueueModuleOptions {
  /** Run processors and the outbox relay in this process. */
  runConsumers: boolean;
}

/**
 * The engine behind queues and Redis-backed state is chosen here, once, from
 * the configuration: Redis + BullMQ when REDIS_URL is set, in-process otherwise.
 */
@Global()
@Module({})
export class QueueModule implements OnApplicationShutdown {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  static forRoot(options: QueueModuleOptions): DynamicModule {
    const providers: Provider[] = [
      {
        provide: REDIS,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig) =>
          config.redisUrl ? createCommandConnection(config.redisUrl) : null,
      },
      {
        provide: JOB_QUEUE,
        inject: [APP_CONFIG, REDIS],
        useFactory: (config: AppConfig, redis: Redis | null): JobQueue =>
          redis ? new BullMqJobQueue(redis, config.redisPrefix) : new InProcessJobQueue(),
      },
      { provide: RUNS_CONSUMERS, useValue: options.runConsumers },
      OutboxService,
      OutboxRelay,
      ProcessedEventsService,
    ];
    if (options.runConsumers) providers.push(JobConsumersService);
    return {
      module: QueueModule,
      imports: [DiscoveryModule],
      providers,
      exports: [REDIS, JOB_QUEUE, RUNS_CONSUMERS, OutboxService, OutboxRelay, ProcessedEventsService],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.queue instanceof BullMqJobQueue) await this.queue.close();
    if (this.queue instanceof InProcessJobQueue) this.queue.close();
    this.redis?.disconnect();
  }
}
