import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { LogLevel } from '../config/app-config';

/** The process's one pino logger: Nest's log lines and the HTTP request lines both go through it. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
export type RootLogger = pino.Logger;

const LOG_DESTINATION = Symbol('LOG_DESTINATION');
type LogDestination = ReturnType<typeof pino.destination>;

/** Writes what is still buffered when the application shuts down; the logger stays usable after. */
@Injectable()
class LogFlusher implements OnApplicationShutdown {
  constructor(@Inject(LOG_DESTINATION) private readonly destination: LogDestination) {}

  onApplicationShutdown(): void {
    try {
      this.destination.flushSync();
    } catch {
      // Nothing to flush yet, or stdout is gone: shutting down goes on.
    }
  }
}

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
    // Written asynchronously: a line does not block the request that logs it, and lines logged
    // while a write is under way go out together in the next one. Flushed at shutdown.
    const destination = pino.destination({ sync: false });
    const root = pino({ level }, destination);
    const params: Params = { pinoHttp: { logger: root } };
    return {
      module: LoggingModule,
      global: true,
      providers: [
        { provide: ROOT_LOGGER, useValue: root },
        { provide: Logger, useFactory: () => new Logger(new PinoLogger(params), params) },
        { provide: LOG_DESTINATION, useValue: destination },
        LogFlusher,
      ],
      exports: [ROOT_LOGGER, Logger],
    };
  }
}
