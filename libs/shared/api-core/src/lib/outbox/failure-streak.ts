/** How one failure of a streak is to be logged. */
export interface FailureReport {
  level: 'debug' | 'warn';
  /** Failures in the streak so far, this one included. */
  failures: number;
  /** From the streak's first failure to this one. */
  failingForMs: number;
}

/**
 * Failures of a retried background pass, told apart from an outage: a streak
 * shorter than `quietMs` (a restart, a long transaction holding the embedded
 * database's one connection) is logged at debug level, a longer one at warn
 * level, at most once per `quietMs`, and the recovery after a warned streak
 * is reported.
 */
export class FailureStreak {
  private startedAt: number | null = null;
  private failures = 0;
  private warnedAt: number | null = null;

  constructor(private readonly quietMs: number) {}

  failed(now: number): FailureReport {
    this.startedAt ??= now;
    this.failures++;
    const failingForMs = now - this.startedAt;
    const isWarned =
      failingForMs >= this.quietMs && (this.warnedAt === null || now - this.warnedAt >= this.quietMs);
    if (isWarned) this.warnedAt = now;
    return { level: isWarned ? 'warn' : 'debug', failures: this.failures, failingForMs };
  }

  /** Ends the streak; the failures of a streak that was warned about, else null. */
  succeeded(): number | null {
    const warned = this.warnedAt !== null ? this.failures : null;
    this.startedAt = null;
    this.failures = 0;
    this.warnedAt = null;
    return warned;
  }
}
