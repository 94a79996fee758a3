import { DynamicModule, Module } from '@nestjs/common';
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
            // The HTTP layer gave the request its id (requestIdOf) before any middleware ran.
            genReqId: (req) => String(req.id),
            // What a request line needs, and no headers: no tokens or cookies to redact, and cheap to bind per request.
            serializers: {
              req: (req: {
                id: unknown;
                method: string;
                url: string;
                remoteAddress?: string;
                headers?: Record<string, unknown>;
              }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
                remoteAddress: req.remoteAddress,
                userAgent: req.headers?.['user-agent'],
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
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
