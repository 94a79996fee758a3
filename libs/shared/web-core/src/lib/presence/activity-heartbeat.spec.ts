import { EnvironmentInjector, createEnvironmentInjector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivityHeartbeat, ActivityHeartbeatOptions, activityHeartbeat } from './activity-heartbeat';

const INTERVAL_MS = 20_000;
const IDLE_CUTOFF_MS = 300_000;

describe('activityHeartbeat', () => {
  let visibility: DocumentVisibilityState;
  let injector: EnvironmentInjector;
  let beat: jest.Mock;

  function start(options: Partial<ActivityHeartbeatOptions> = {}): ActivityHeartbeat {
    const heartbeat = runInInjectionContext(injector, () =>
      activityHeartbeat({ intervalMs: INTERVAL_MS, idleCutoffMs: IDLE_CUTOFF_MS, beat, ...options }),
    );
    TestBed.tick();
    return heartbeat;
  }

  function setVisibility(state: DocumentVisibilityState): void {
    visibility = state;
    document.dispatchEvent(new Event('visibilitychange'));
    TestBed.tick();
  }

  function advance(ms: number): void {
    jest.advanceTimersByTime(ms);
    TestBed.tick();
  }

  beforeEach(() => {
    jest.useFakeTimers();
    visibility = 'visible';
    jest.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    beat = jest.fn();
  });

  afterEach(() => {
    injector.destroy();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('beats at once and then every interval while the page is visible and in use', () => {
    const heartbeat = start();

    expect(heartbeat.state()).toBe('beating');
    expect(beat).toHaveBeenCalledTimes(1);
    advance(INTERVAL_MS * 3);
    expect(beat).toHaveBeenCalledTimes(4);
  });

  it('pauses while the page is hidden and beats again as soon as it is shown', () => {
    const heartbeat = start();

    setVisibility('hidden');
    advance(INTERVAL_MS * 5);
    expect(heartbeat.state()).toBe('hidden');
    expect(beat).toHaveBeenCalledTimes(1);

    setVisibility('visible');
    expect(heartbeat.state()).toBe('beating');
    expect(beat).toHaveBeenCalledTimes(2);
  });

  it('pauses once the person has been idle for the cut-off, and resumes on the next input', () => {
    const heartbeat = start();

    advance(IDLE_CUTOFF_MS - 1);
    expect(heartbeat.state()).toBe('beating');
    const beatsWhileActive = beat.mock.calls.length;
    advance(1);
    expect(heartbeat.state()).toBe('idle');
    advance(INTERVAL_MS * 10);
    expect(beat).toHaveBeenCalledTimes(beatsWhileActive);

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    TestBed.tick();
    expect(heartbeat.state()).toBe('beating');
    expect(beat).toHaveBeenCalledTimes(beatsWhileActive + 1);
  });

  it.each(['keydown', 'pointerdown', 'pointermove', 'scroll', 'touchstart'])(
    'counts %s as use and pushes the idle cut-off back',
    (type) => {
      const heartbeat = start();

      advance(IDLE_CUTOFF_MS - 1000);
      document.body.dispatchEvent(new Event(type, { bubbles: type !== 'scroll' }));
      advance(IDLE_CUTOFF_MS - 1000);

      expect(heartbeat.state()).toBe('beating');
      advance(1000);
      expect(heartbeat.state()).toBe('idle');
    },
  );

  it('does not beat while it is not wanted, and stops when it no longer is', () => {
    const isLive = signal(false);
    const heartbeat = start({ isEnabled: isLive });

    advance(INTERVAL_MS * 2);
    expect(heartbeat.state()).toBe('off');
    expect(beat).not.toHaveBeenCalled();

    isLive.set(true);
    TestBed.tick();
    expect(beat).toHaveBeenCalledTimes(1);
    advance(INTERVAL_MS);
    expect(beat).toHaveBeenCalledTimes(2);

    isLive.set(false);
    TestBed.tick();
    advance(INTERVAL_MS * 5);
    expect(beat).toHaveBeenCalledTimes(2);
  });

  it('stops for good on stop() and when its injector is destroyed', () => {
    const stopped = start();
    stopped.stop();
    advance(INTERVAL_MS * 2);
    expect(stopped.state()).toBe('off');
    expect(beat).toHaveBeenCalledTimes(1);

    beat.mockClear();
    const parent = injector;
    injector = createEnvironmentInjector([], parent);
    const destroyed = start();
    injector.destroy();
    injector = parent;
    advance(INTERVAL_MS * 2);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    expect(destroyed.state()).toBe('off');
    expect(beat).toHaveBeenCalledTimes(1);
  });
});
