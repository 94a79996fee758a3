import { DestroyRef, Signal, inject, signal } from '@angular/core';

/** Whole seconds from `nowMs` until `instant` (rounded up), never below zero. */
export function secondsUntil(instant: string | number, nowMs: number): number {
  const at = typeof instant === 'number' ? instant : Date.parse(instant);
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** The current time as a signal, ticking every `intervalMs` until its injector is destroyed. */
export function clock(intervalMs = 1_000): Signal<number> {
  const now = signal(Date.now());
  const timer = setInterval(() => now.set(Date.now()), intervalMs);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
}

/** The shortest time a learner is given for an attention check, whatever the clocks say. */
export const MIN_ATTENTION_ANSWER_MS = 5_000;

/**
 * When the learner's time for an attention check runs out, by this browser's
 * clock: the server's expiry, but never more than the check's full window
 * after it arrived, nor less than a few seconds, so a skewed clock can neither
 * hide the prompt at once nor keep it open long after the server gave up.
 */
export function attentionDeadline(expiresAt: string, receivedAtMs: number, windowMs: number): number {
  const remaining = Date.parse(expiresAt) - receivedAtMs;
  return receivedAtMs + Math.min(Math.max(remaining, MIN_ATTENTION_ANSWER_MS), windowMs);
}
