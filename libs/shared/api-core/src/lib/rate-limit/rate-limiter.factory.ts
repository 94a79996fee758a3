import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { REDIS } from '../queue/redis';

export interface LimiterOptions {
  /** Key namespace, e.g. `login-fail-account`. */
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * Counters shared by every api process (Redis) in production, in memory in
 * embedded mode. While Redis is down a Redis limiter falls back to an
 * in-memory one, so throttling degrades per process instead of failing open.
 */
@Injectable()
export class RateLimiterFactory {
  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  create(options: LimiterOptions): RateLimiterAbstract {
    const common = {
      keyPrefix: `${this.config.redisPrefix}:rl:${options.name}`,
      points: options.points,
      duration: options.durationSeconds,
    };
    if (!this.redis) return new RateLimiterMemory(common);
    return new RateLimiterRedis({
      ...common,
      storeClient: this.redis,
      insuranceLimiter: new RateLimiterMemory(common),
    });
  }
}
