import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RUNS_CONSUMERS } from '@thuchoc/shared/api-core';
import { AttemptClosing } from '../attempts/attempt-closing';

/**
 * The safety net behind the deadline jobs, in the processes that run jobs:
 * every `attemptSweepMs` it submits the active attempts past their deadline
 * plus grace, whose delayed job was lost with Redis or never queued.
 */
@Injectable()
export class AttemptSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AttemptSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(RUNS_CONSUMERS) private readonly runsConsumers: boolean,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly closing: AttemptClosing,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.runsConsumers) return;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.sweep().finally(() => (this.running = null));
    }, this.config.attemptSweepMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; public so tests can run it without waiting for the clock. */
  async sweep(): Promise<void> {
    try {
      const submitted = await this.closing.sweepDue();
      if (submitted > 0) this.logger.log(`auto-submitted ${submitted} attempt(s) past their deadline`);
    } catch (error) {
      this.logger.warn(`attempt sweep failed: ${(error as Error).message}`);
    }
  }
}
