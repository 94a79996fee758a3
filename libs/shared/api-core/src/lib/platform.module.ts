import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logging.module';
import { QueueModule } from './queue/queue.module';
import { RateLimiterFactory } from './rate-limit/rate-limiter.factory';

export interface PlatformOptions {
  /** Run job processors and the outbox relay in this process (the worker; the api in embedded mode). */
  runConsumers: boolean;
}

/** Config, structured logs, database, queues and counters: what every ThucHoc process stands on. */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config.logLevel),
        DatabaseModule.forRoot(),
        QueueModule.forRoot({ runConsumers: options.runConsumers }),
      ],
      providers: [RateLimiterFactory],
      exports: [RateLimiterFactory],
    };
  }
}
