import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ProblemException, RateLimiterFactory } from '@thuchoc/shared/api-core';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Counts failed logins per account and per client address (Redis in
 * production, so every api process sees the same counts). Past the limit,
 * logins answer 429 with Retry-After until the window ends.
 */
@Injectable()
export class LoginThrottleService {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;

  constructor(limiters: RateLimiterFactory, @Inject(APP_CONFIG) config: AppConfig) {
    const durationSeconds = config.loginWindowSeconds;
    this.perAccount = limiters.create({
      name: 'login-account',
      points: config.loginMaxFailuresPerAccount,
      durationSeconds,
    });
    this.perIp = limiters.create({ name: 'login-ip', points: config.loginMaxFailuresPerIp, durationSeconds });
  }

  async assertAllowed(username: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.perAccount.get(key(username)), this.perIp.get(ip)]);
    const blocked = [
      { res: account, limit: this.perAccount.points },
      { res: address, limit: this.perIp.points },
    ].filter(({ res, limit }) => res !== null && res.consumedPoints >= limit);
    if (blocked.length > 0) {
      const retryAfter = Math.max(
        ...blocked.map(({ res }) => Math.ceil((res as RateLimiterRes).msBeforeNext / 1000)),
      );
      throw new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS,
        'auth.too-many-attempts',
        `Too many failed sign-ins. Try again in ${retryAfter} s.`,
        undefined,
        { 'Retry-After': String(retryAfter) },
      );
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(key(username)), this.perIp.penalty(ip)]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.perAccount.delete(key(username));
  }
}

const key = (username: string) => username.trim().toLowerCase();
