import { MemoryPresenceStore } from './memory-presence-store';
import { presenceAfterBeat } from './presence-rules';

const MAX_GAP = 45_000;
const T0 = 1_800_000_000_000;

describe('presence counting', () => {
  const live = { status: 'live', openedAtMs: T0, closedAtMs: null };

  it('counts the gap since the previous beat, nothing for the first beat', () => {
    expect(presenceAfterBeat(live, 0, null, T0 + 60_000, MAX_GAP)).toBe(0);
    expect(presenceAfterBeat(live, 0, T0 + 60_000, T0 + 80_000, MAX_GAP)).toBe(20_000);
  });

  it('counts nothing for a gap longer than the maximum: the learner was away', () => {
    expect(presenceAfterBeat(live, 10_000, T0 + 10_000, T0 + 10_000 + MAX_GAP + 1, MAX_GAP)).toBe(10_000);
    expect(presenceAfterBeat(live, 10_000, T0 + 10_000, T0 + 10_000 + MAX_GAP, MAX_GAP)).toBe(
      10_000 + MAX_GAP,
    );
  });

  it('never exceeds the time the session has been live', () => {
    expect(presenceAfterBeat(live, 50_000, T0 + 40_000, T0 + 60_000, MAX_GAP)).toBe(60_000);
  });
});

describe('in-memory presence store', () => {
  const seed = {
    status: 'live',
    openedAtMs: T0,
    closedAtMs: null,
    roster: ['a', 'b'],
    presenceSeconds: new Map([['b', 30]]),
  };

  it('knows nothing of a session until it is loaded', async () => {
    const store = new MemoryPresenceStore();
    expect(await store.beat('s', 'a', T0, MAX_GAP)).toEqual({ kind: 'unknown-session' });
  });

  it('counts beats of the roster only, and only while live', async () => {
    const store = new MemoryPresenceStore();
    await store.load('s', seed);
    expect(await store.beat('s', 'x', T0 + 1000, MAX_GAP)).toEqual({ kind: 'not-enrolled' });
    await store.beat('s', 'a', T0 + 1000, MAX_GAP);
    expect(await store.beat('s', 'a', T0 + 21_000, MAX_GAP)).toMatchObject({
      kind: 'counted',
      presenceMs: 20_000,
    });
    await store.setStatus('s', 'closed', T0 + 30_000);
    expect(await store.beat('s', 'a', T0 + 31_000, MAX_GAP)).toEqual({ kind: 'not-live', status: 'closed' });
  });

  it('resumes from what was flushed, and a reload never lowers live counters', async () => {
    const store = new MemoryPresenceStore();
    await store.load('s', seed);
    await store.beat('s', 'b', T0 + 40_000, MAX_GAP);
    expect(await store.beat('s', 'b', T0 + 50_000, MAX_GAP)).toMatchObject({ presenceMs: 40_000 });
    await store.load('s', { ...seed, presenceSeconds: new Map([['b', 30]]) });
    expect((await store.snapshot('s')).presenceMs.get('b')).toBe(40_000);
  });

  it('hands the pending attention check to its recipients until they answer', async () => {
    const store = new MemoryPresenceStore();
    await store.load('s', seed);
    const check = { id: 'c1', code: '0427', expiresAtMs: T0 + 60_000 };
    await store.setCheck('s', check, ['a']);
    expect(await store.beat('s', 'a', T0 + 1000, MAX_GAP)).toMatchObject({ pendingCheck: check });
    expect(await store.beat('s', 'b', T0 + 1000, MAX_GAP)).toMatchObject({ pendingCheck: null });
    expect(await store.clearPending('s', 'c1', 'a')).toBe(true);
    expect(await store.clearPending('s', 'c1', 'a')).toBe(false);
    expect(await store.beat('s', 'a', T0 + 2000, MAX_GAP)).toMatchObject({ pendingCheck: null });
  });
});
