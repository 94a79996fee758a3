import { DynamicModule, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
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
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
          },
        }),
        DatabaseModule.forRoot(),
        QueueModule.forRoot({ runConsumers: options.runConsumers }),
      ],
      providers: [RateLimiterFactory],
      exports: [RateLimiterFactory],
    };
  }
}
