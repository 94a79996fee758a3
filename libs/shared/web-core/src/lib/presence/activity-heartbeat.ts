import { DOCUMENT, DestroyRef, Signal, computed, effect, inject, signal, untracked } from '@angular/core';

/** What counts as the person using the page. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'scroll', 'touchstart'] as const;

/**
 * Where a heartbeat stands: `beating`, paused because the page is `hidden` or
 * the person is `idle`, or `off` (not wanted now, or stopped).
 */
export type HeartbeatState = 'beating' | 'hidden' | 'idle' | 'off';

export interface ActivityHeartbeatOptions {
  /** Time between two beats while the page is visible and in use. */
  intervalMs: number;
  /** Without keyboard, pointer, scroll or touch input for this long, the person is idle. */
  idleCutoffMs: number;
  /** Sends one beat; called outside any reactive context. */
  beat: () => void;
  /** Whether beats are wanted at all, e.g. only while a session is live. Always, when omitted. */
  isEnabled?: Signal<boolean>;
}

export interface ActivityHeartbeat {
  readonly state: Signal<HeartbeatState>;
  /** Stops for good; also happens when the caller's injection context is destroyed. */
  stop(): void;
}

/**
 * Calls `beat()` every `intervalMs` only while the page is visible and the
 * person has used it within `idleCutoffMs`, so time-on-task counts real use,
 * never "the page was left open". It beats at once each time it (re)starts.
 * Opening the page counts as use. Call in an injection context.
 */
export function activityHeartbeat(options: ActivityHeartbeatOptions): ActivityHeartbeat {
  const document = inject(DOCUMENT);
  const isEnabled = options.isEnabled ?? signal(true);
  const isVisible = signal(document.visibilityState === 'visible');
  const isIdle = signal(false);
  const isStopped = signal(false);
  let lastActivityAt = Date.now();
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const state = computed<HeartbeatState>(() => {
    if (isStopped() || !isEnabled()) return 'off';
    if (!isVisible()) return 'hidden';
    return isIdle() ? 'idle' : 'beating';
  });

  // One timer per idle period, not one per pointermove: when it fires early it waits for the rest.
  const watchIdle = (): void => {
    const remaining = lastActivityAt + options.idleCutoffMs - Date.now();
    if (remaining <= 0) {
      isIdle.set(true);
      return;
    }
    idleTimer = setTimeout(watchIdle, remaining);
  };
  const onActivity = (): void => {
    lastActivityAt = Date.now();
    if (!isIdle()) return;
    isIdle.set(false);
    watchIdle();
  };
  const onVisibilityChange = (): void => isVisible.set(document.visibilityState === 'visible');

  const listening: AddEventListenerOptions = { capture: true, passive: true };
  for (const type of ACTIVITY_EVENTS) document.addEventListener(type, onActivity, listening);
  document.addEventListener('visibilitychange', onVisibilityChange);
  watchIdle();

  const beating = effect((onCleanup) => {
    if (state() !== 'beating') return;
    untracked(options.beat);
    // The state may change between two runs of this effect (the idle timer fires on the same tick).
    const timer = setInterval(() => {
      if (state() === 'beating') options.beat();
    }, options.intervalMs);
    onCleanup(() => clearInterval(timer));
  });

  const stop = (): void => {
    if (isStopped()) return;
    isStopped.set(true);
    beating.destroy();
    clearTimeout(idleTimer);
    for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, onActivity, listening);
    document.removeEventListener('visibilitychange', onVisibilityChange);
  };
  inject(DestroyRef).onDestroy(stop);

  return { state, stop };
}
