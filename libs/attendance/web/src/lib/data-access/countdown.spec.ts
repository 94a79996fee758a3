import { EnvironmentInjector, createEnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MIN_ATTENTION_ANSWER_MS, attentionDeadline, clock, secondsUntil } from './countdown';

const NOW = Date.parse('2026-03-02T01:00:10Z');

describe('secondsUntil', () => {
  it('rounds up to whole seconds and stops at zero', () => {
    expect(secondsUntil('2026-03-02T01:00:30Z', NOW)).toBe(20);
    expect(secondsUntil(NOW + 1, NOW)).toBe(1);
    expect(secondsUntil('2026-03-02T01:00:00Z', NOW)).toBe(0);
  });
});

describe('attentionDeadline', () => {
  const WINDOW_MS = 60_000;

  it('is the server’s expiry when the clocks agree', () => {
    expect(attentionDeadline('2026-03-02T01:00:50Z', NOW, WINDOW_MS)).toBe(NOW + 40_000);
  });

  it('gives at most the whole window when the browser clock is behind', () => {
    expect(attentionDeadline('2026-03-02T01:05:00Z', NOW, WINDOW_MS)).toBe(NOW + WINDOW_MS);
  });

  it('gives a few seconds when the browser clock is ahead', () => {
    expect(attentionDeadline('2026-03-02T00:59:00Z', NOW, WINDOW_MS)).toBe(NOW + MIN_ATTENTION_ANSWER_MS);
  });
});

describe('clock', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => jest.useRealTimers());

  it('ticks every second until its injector is destroyed', () => {
    const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    const now = runInInjectionContext(injector, () => clock());

    expect(now()).toBe(NOW);
    jest.advanceTimersByTime(3_000);
    expect(now()).toBe(NOW + 3_000);

    injector.destroy();
    jest.advanceTimersByTime(3_000);
    expect(now()).toBe(NOW + 3_000);
  });
});
