import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { LiveSessionEvent } from '@thuchoc/attendance/contracts';
import { APP_CONFIG, AppConfig, REDIS } from '@thuchoc/shared/api-core';
import { Redis } from 'ioredis';

/** An event for a session's open learner pages; `userIds` narrows it to some learners. */
export interface LiveEnvelope {
  event: LiveSessionEvent;
  userIds?: string[];
}

type Listener = (envelope: LiveEnvelope) => void;

/**
 * Pushes live-session events to the learner pages connected to any api
 * process: Redis pub/sub carries them between processes (one channel per
 * session, subscribed while a page of that session is connected here);
 * without Redis, the one process dispatches them itself.
 */
@Injectable()
export class LiveEvents implements OnModuleDestroy {
  private readonly logger = new Logger(LiveEvents.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly subscribed = new Map<string, Promise<void>>();
  private subscriber: Redis | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private channel(sessionId: string) {
    return `${this.config.redisPrefix}:live:${sessionId}`;
  }

  async publish(sessionId: string, envelope: LiveEnvelope): Promise<void> {
    if (!this.redis) {
      this.dispatch(sessionId, envelope);
      return;
    }
    await this.redis.publish(this.channel(sessionId), JSON.stringify(envelope));
  }

  /** `ready` resolves once events published from any process reach this listener; `stop` ends it. */
  listen(sessionId: string, listener: Listener): { ready: Promise<void>; stop: () => void } {
    let set = this.listeners.get(sessionId);
    if (!set) {
      set = new Set();
      this.listeners.set(sessionId, set);
      const subscribed = this.subscriberConnection()
        ?.subscribe(this.channel(sessionId))
        .then(() => undefined)
        .catch((error: Error) => this.logger.warn(`live events: subscribe failed: ${error.message}`));
      this.subscribed.set(sessionId, subscribed ?? Promise.resolve());
    }
    set.add(listener);
    const ready = this.subscribed.get(sessionId) ?? Promise.resolve();
    const stop = () => {
      const current = this.listeners.get(sessionId);
      if (!current) return;
      current.delete(listener);
      if (current.size > 0) return;
      this.listeners.delete(sessionId);
      this.subscribed.delete(sessionId);
      this.subscriber
        ?.unsubscribe(this.channel(sessionId))
        .catch((error: Error) => this.logger.warn(`live events: unsubscribe failed: ${error.message}`));
    };
    return { ready, stop };
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }

  private subscriberConnection(): Redis | null {
    if (!this.redis || !this.config.redisUrl) return null;
    if (!this.subscriber) {
      // A subscriber of its own, which reconnects and resubscribes after Redis comes back.
      this.subscriber = new Redis(this.config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
      this.subscriber.on('error', (error: Error) => this.logger.warn(`live events: ${error.message}`));
      this.subscriber.on('message', (channel: string, message: string) => {
        const sessionId = channel.slice(channel.lastIndexOf(':') + 1);
        this.dispatch(sessionId, JSON.parse(message) as LiveEnvelope);
      });
    }
    return this.subscriber;
  }

  private dispatch(sessionId: string, envelope: LiveEnvelope): void {
    for (const listener of this.listeners.get(sessionId) ?? []) listener(envelope);
  }
}
