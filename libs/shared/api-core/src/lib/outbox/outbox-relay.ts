import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JOB_QUEUE, JobQueue } from '../queue/job-queue';
import { FailureStreak } from './failure-streak';
import { OutboxService } from './outbox.service';

interface ClaimedEvent {
  id: string;
  type: string;
  queue: string;
  payload: Record<string, unknown>;
}

const BATCH = 100;
/**
 * Claims failing for less than this long are retried quietly: in embedded mode
 * the database has one connection, which the first boot's demo seed holds for
 * several seconds. A longer outage is warned about.
 */
const QUIET_FAILURE_MS = 30_000;

/**
 * Moves committed outbox events to the queue with job id = event id. Events
 * are claimed with a lease (SKIP LOCKED), so several relays share the work and
 * a relay that dies mid-batch only delays its events until the lease ends.
 * An event is marked relayed only after the queue accepted it.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = true;
  private readonly claimFailures = new FailureStreak(QUIET_FAILURE_MS);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    this.stopped = false;
    this.outbox.onPublish(() => this.nudge());
    this.timer = setInterval(() => this.nudge(), this.config.outboxPollMs);
    this.nudge();
  }

  /** Relays now (or right after the current pass). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** Relays until nothing is pending; resolves with how many events went out. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.claim().then(
        (claimed) => {
          const failures = this.claimFailures.succeeded();
          if (failures !== null) this.logger.log(`outbox claims work again after ${failures} failed tries`);
          return claimed;
        },
        (error: unknown) => {
          const report = this.claimFailures.failed(Date.now());
          const message =
            `outbox claim failed (${report.failures} tries in ${Math.round(report.failingForMs / 1000)} s, ` +
            `retried every ${this.config.outboxPollMs} ms): ${String(error)}`;
          if (report.level === 'warn') this.logger.warn(message);
          else this.logger.debug(message);
          return [];
        },
      );
      let relayed = 0;
      for (const event of batch) {
        if (await this.relay(event)) relayed++;
      }
      total += relayed;
      if (batch.length < BATCH || relayed === 0) return total;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async claim(): Promise<ClaimedEvent[]> {
    return this.dataSource.query(
      // A CTE so the driver answers with plain rows (a bare UPDATE answers [rows, count]).
      `WITH claimed AS (
         UPDATE outbox_events SET relay_attempts = relay_attempts + 1,
                claimed_until = now() + make_interval(secs => $2)
          WHERE id IN (SELECT id FROM outbox_events
                        WHERE relayed_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                        ORDER BY occurred_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, type, queue, payload, occurred_at)
       SELECT id, type, queue, payload FROM claimed ORDER BY occurred_at`,
      [BATCH, this.config.outboxLeaseSeconds],
    );
  }

  private async relay(event: ClaimedEvent): Promise<boolean> {
    try {
      await this.queue.add(
        event.queue,
        event.type,
        { eventId: event.id, ...event.payload },
        { jobId: event.id },
      );
      await this.dataSource.query(
        'UPDATE outbox_events SET relayed_at = now(), last_error = NULL WHERE id = $1',
        [event.id],
      );
      return true;
    } catch (error) {
      this.logger.warn(`outbox event ${event.id} not relayed yet: ${String(error)}`);
      // Retry after a short pause rather than after the whole lease.
      await this.dataSource
        .query(
          `UPDATE outbox_events SET last_error = $2, claimed_until = now() + interval '2 seconds' WHERE id = $1`,
          [event.id, String(error).slice(0, 500)],
        )
        .catch(() => undefined);
      return false;
    }
  }
}
