import { Logger } from '@nestjs/common';
import { Logger as TypeOrmLogger } from 'typeorm';

/** A statement that takes longer than this (from sending it to its answer) is logged as a warning. */
export const SLOW_QUERY_MS = 1_000;

/** The longest piece of a slow statement's SQL that goes into the log. */
const SQL_IN_LOG = 500;

/**
 * TypeORM's messages in the application's log. Only what an operator acts on
 * is written: slow statements (without their parameters, which may hold
 * personal data) and migrations. Failed statements are reported by the
 * request or job that ran them, with their context.
 */
export class QueryLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {
    // Every statement would drown the log; slow ones are logged below.
  }

  logQueryError(): void {
    // The caller maps or reports the error (a conflict is often expected).
  }

  logQuerySlow(time: number, query: string): void {
    const sql = query.replace(/\s+/g, ' ').trim();
    this.logger.warn(
      `slow statement (${time} ms): ${sql.length > SQL_IN_LOG ? `${sql.slice(0, SQL_IN_LOG)}…` : sql}`,
    );
  }

  logSchemaBuild(): void {
    // The schema is built by migrations only (synchronize is off).
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}
