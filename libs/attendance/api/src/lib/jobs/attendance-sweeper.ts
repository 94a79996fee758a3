import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RUNS_CONSUMERS } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';
import { AttentionChecksService } from '../attention/attention-checks.service';
import { PresenceService } from '../presence/presence.service';
import { SessionLifecycleService } from '../sessions/session-lifecycle.service';

/**
 * The clock of live sessions, in the processes that run jobs: every flush
 * interval it copies presence counters to PostgreSQL, closes sessions past
 * their end plus grace, and fires automatic attention checks that are due.
 * Each step is safe to run in several workers at once.
 */
@Injectable()
export class AttendanceSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AttendanceSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(RUNS_CONSUMERS) private readonly runsConsumers: boolean,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly presence: PresenceService,
    private readonly lifecycle: SessionLifecycleService,
    private readonly checks: AttentionChecksService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.runsConsumers) return;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.sweep().finally(() => (this.running = null));
    }, this.config.presenceFlushMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; public so tests and the benchmark can run it without waiting for the clock. */
  async sweep(): Promise<void> {
    await this.step('presence flush', () => this.presence.flushAll());
    await this.step('auto-close', () => this.lifecycle.closeOverdue());
    await this.step('attention checks', () => this.fireDueChecks());
  }

  private async fireDueChecks(): Promise<void> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT s.id FROM class_sessions s
        WHERE s.status = 'live' AND cardinality(s.auto_checks_at) > 0
          AND (SELECT count(*) FROM unnest(s.auto_checks_at) t WHERE t <= now())
            > (SELECT count(*) FROM attention_checks c WHERE c.session_id = s.id AND c.is_automatic)`,
    );
    for (const { id } of due) await this.checks.fireDue(id);
  }

  private async step(name: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn(`${name} failed: ${(error as Error).message}`);
    }
  }
}
