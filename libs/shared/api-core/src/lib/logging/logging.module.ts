import { DynamicModule, Module } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { LogLevel } from '../config/app-config';

/** The process's one pino logger: Nest's log lines and the HTTP request lines both go through it. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
export type RootLogger = pino.Logger;

/**
 * Structured logs without per-request machinery: Nest's `Logger` writes
 * through pino, and the HTTP layer writes one line per request itself
 * (`logRequests`). No logging middleware runs and no async context is kept
 * per request, so a request costs nothing extra when its line is not written;
 * a line that concerns a request (a 5xx problem) names the request id itself.
 */
@Module({})
export class LoggingModule {
  static forRoot(level: LogLevel): DynamicModule {
    const root = pino({ level });
    const params: Params = { pinoHttp: { logger: root } };
    return {
      module: LoggingModule,
      global: true,
      providers: [
        { provide: ROOT_LOGGER, useValue: root },
        { provide: Logger, useFactory: () => new Logger(new PinoLogger(params), params) },
      ],
      exports: [ROOT_LOGGER, Logger],
    };
  }
}
