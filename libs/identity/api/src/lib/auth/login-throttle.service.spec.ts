import { HttpStatus } from '@nestjs/common';
import { AppConfig, ProblemException, RateLimiterFactory } from '@thuchoc/shared/api-core';
import { LoginThrottleService } from './login-throttle.service';

function makeThrottle(overrides: Partial<AppConfig> = {}): LoginThrottleService {
  const config = {
    redisPrefix: 'unit',
    loginMaxFailuresPerAccount: 3,
    loginMaxFailuresPerIp: 5,
    loginWindowSeconds: 60,
    ...overrides,
  } as AppConfig;
  return new LoginThrottleService(new RateLimiterFactory(null, config), config);
}

async function refusal(attempt: Promise<void>): Promise<ProblemException | null> {
  try {
    await attempt;
    return null;
  } catch (error) {
    return error as ProblemException;
  }
}

describe(LoginThrottleService.name, () => {
  it('refuses an account with 429 and Retry-After once its failures reach the limit', async () => {
    const throttle = makeThrottle();
    for (let i = 0; i < 3; i++) {
      await throttle.assertAllowed('hocvien01', '10.0.0.1');
      await throttle.recordFailure('hocvien01', '10.0.0.1');
    }
    const refused = await refusal(throttle.assertAllowed('HocVien01 ', '10.0.0.9'));
    expect(refused?.getStatus()).toBe(HttpStatus.TOO_MANY_REQUESTS);
    expect(refused?.code).toBe('auth.too-many-attempts');
    expect(Number(refused?.headers['Retry-After'])).toBeGreaterThan(0);
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    const throttle = makeThrottle();
    for (let i = 0; i < 2; i++) await throttle.recordFailure('hocvien02', '10.0.0.2');
    await throttle.recordSuccess('hocvien02');
    for (let i = 0; i < 2; i++) await throttle.recordFailure('hocvien02', '10.0.0.3');
    await expect(throttle.assertAllowed('hocvien02', '10.0.0.4')).resolves.toBeUndefined();
  });

  it('refuses an address that fails across many accounts', async () => {
    const throttle = makeThrottle();
    for (let i = 0; i < 5; i++) await throttle.recordFailure(`user${i}`, '10.0.0.5');
    const refused = await refusal(throttle.assertAllowed('someone-else', '10.0.0.5'));
    expect(refused?.getStatus()).toBe(HttpStatus.TOO_MANY_REQUESTS);
    await expect(throttle.assertAllowed('someone-else', '10.0.0.6')).resolves.toBeUndefined();
  });
});
