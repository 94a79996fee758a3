import { FailureStreak } from './failure-streak';

describe('FailureStreak', () => {
  it('keeps a short streak quiet and reports nothing when it ends', () => {
    const streak = new FailureStreak(30_000);

    expect(streak.failed(1_000)).toEqual({ level: 'debug', failures: 1, failingForMs: 0 });
    expect(streak.failed(12_000)).toEqual({ level: 'debug', failures: 2, failingForMs: 11_000 });
    expect(streak.succeeded()).toBeNull();
  });

  it('warns once a streak lasts, then at most once per quiet period, and reports the recovery', () => {
    const streak = new FailureStreak(30_000);
    streak.failed(0);

    expect(streak.failed(30_000)).toEqual({ level: 'warn', failures: 2, failingForMs: 30_000 });
    expect(streak.failed(45_000).level).toBe('debug');
    expect(streak.failed(60_000)).toEqual({ level: 'warn', failures: 4, failingForMs: 60_000 });
    expect(streak.succeeded()).toBe(4);
  });

  it('starts a new streak after a success', () => {
    const streak = new FailureStreak(30_000);
    streak.failed(0);
    streak.failed(40_000);
    streak.succeeded();

    expect(streak.failed(50_000)).toEqual({ level: 'debug', failures: 1, failingForMs: 0 });
    expect(streak.succeeded()).toBeNull();
  });
});
